/* matplotlib's "Creating annotated heatmaps" 2 x 2 figure (examples/annotated_heatmap.c,
 * included below): a golden image (tests/data/plot/heatmap_more.png, reviewed next to
 * scripts/mpl_annotated_heatmap.py's rendering) and structural checks: the annotation
 * colors follow each panel's threshold, the BoundaryNorm colorbar has 7 segments labelled
 * G..A by its FuncFormatter; and the library pieces the example needs (rotation_mode,
 * spines, axis label rotation, minor tick sides, colorbar format_fn) with their bad input. */
#define ANNOTATED_HEATMAP_NO_MAIN
#include "../examples/annotated_heatmap.c"

#include <stdlib.h>

#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"

/* Red annotation pixels (the quality panel's "red" text) inside cell (i, j) of ax. */
static int red_pixels_in_cell(const img *m, nplot_axes *ax, int i, int j)
{
    double x0, y0, x1, y1;
    nplot_data_to_pixel(ax, j - 0.35, i - 0.35, &x0, &y0);
    nplot_data_to_pixel(ax, j + 0.35, i + 0.35, &x1, &y1);
    int n = 0;
    for (int y = (int)fmin(y0, y1); y <= (int)fmax(y0, y1); y++)
        for (int x = (int)fmin(x0, x1); x <= (int)fmax(x0, x1); x++) {
            const unsigned char *p = at(m, x, y);
            n += p[0] > 200 && p[1] < 90 && p[2] < 90;
        }
    return n;
}

static void test_heatmap_figure(void)
{
    nplot_axes *ax[4], *cax[4];
    nplot_figure *fig = more_complex(ax, cax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(fig), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);

    /* the quality panel: red text exactly where the class is at or below norm(-1) = 2 */
    nd_rng *rng = nd_rng_new(19680801);
    nd_array *skip = nd_rng_integers(rng, 2, 100, ND_SHAPE(7, 7));
    nd_array *q = nd_rng_standard_normal(rng, ND_SHAPE(6, 6), ND_FLOAT64);
    const double *qv = nd_data(q);
    int nred = 0;
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 6; j++) {
            double k = floor(qv[i * 6 + j] + 3.5); /* the BoundaryNorm's class index */
            bool red = k <= 2;
            nred += red;
            int n = red_pixels_in_cell(&m, ax[2], i, j);
            if (red ? n < 5 : n != 0) fprintf(stderr, "cell (%d, %d) class %g: %d red px\n", i, j, k, n);
            CU_ASSERT(red ? n >= 5 : n == 0);
        }
    CU_ASSERT(nred > 0 && nred < 36); /* both colors occur */

    /* the BoundaryNorm colorbar: 7 ticks labelled by the formatter, 7 flat segments */
    double t[16];
    CU_ASSERT_EQUAL(nplot_get_yticks(cax[2], t, 16), 7);
    for (int i = 0; i < 7; i++) {
        char want[2] = { "GFEDCBA"[i], 0 };
        const char *got = nplot_get_yticklabel(cax[2], i);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_STRING_EQUAL(got, want);
    }
    unsigned char seg[7][3];
    for (int k = 0; k < 7; k++) {
        const unsigned char *lo = at_data(&m, cax[2], 0.5, k + 0.25);
        const unsigned char *mid = at_data(&m, cax[2], 0.5, k + 0.5);
        const unsigned char *hi = at_data(&m, cax[2], 0.5, k + 0.75);
        CU_ASSERT(near(lo, mid[0], mid[1], mid[2], 2) && near(hi, mid[0], mid[1], mid[2], 2));
        memcpy(seg[k], mid, 3);
        nplot_rgba c;
        CU_ASSERT_EQUAL(nplot_cmap_color("PiYG:7", k / 6.0, &c), ND_OK);
        CU_ASSERT(near(mid, (int)(c.r * 255 + 0.5), (int)(c.g * 255 + 0.5), (int)(c.b * 255 + 0.5), 2));
    }
    for (int k = 1; k < 7; k++) CU_ASSERT(memcmp(seg[k], seg[k - 1], 3) != 0);

    /* the white minor grid lies between the cells, over the image */
    CU_ASSERT(near_rgb(at_data(&m, ax[0], 0.5, 3), 0xffffff, 8));
    CU_ASSERT(!near_rgb(at_data(&m, ax[0], 0.2, 3), 0xffffff, 8));
    free(m.px);

    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "heatmap_more");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    nd_free(skip);
    nd_free(q);
    nd_rng_free(rng);
    if (regen) return;
    double rms = image_rms(GOLDEN "/heatmap_more.png", out);
    if (!(rms >= 0 && rms <= 4.0)) fprintf(stderr, "golden heatmap_more: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 4.0);
    remove(out);
}

static size_t percent(double x, int pos, char *buf, size_t cap, void *ctx)
{
    return (size_t)snprintf(buf, cap, "%s%.0f%%", (const char *)ctx, 100 * x);
}

/* The colorbar's format_fn labels a linear bar's automatic ticks and given ticks alike. */
static void test_colorbar_format_fn(void)
{
    double z[4] = { 0, 0.25, 0.5, 1 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 2, 1);
    nplot_imshow_data(ax, z, 2, 2);
    nplot_axes *cax = nplot_colorbar(ax, .format_fn = percent, .format_ctx = "~");
    nplot_axes *ax2 = nplot_subplot(fig, 1, 2, 2);
    nplot_imshow_data(ax2, z, 2, 2);
    nplot_axes *cax2 = nplot_colorbar(ax2, .ticks = NPLOT_F64S(0.1, 0.9), .format_fn = percent,
                                      .format_ctx = "");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax2);
    CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(fig), ND_OK);
    double t[16];
    int n = nplot_get_yticks(cax, t, 16);
    CU_ASSERT(n >= 3 && n <= 16);
    for (int i = 0; i < n && i < 16; i++) {
        char want[32];
        snprintf(want, sizeof want, "~%.0f%%", 100 * t[i]);
        CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(cax, i), want);
    }
    CU_ASSERT_EQUAL(nplot_get_yticks(cax2, t, 16), 2);
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(cax2, 0), "10%");
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(cax2, 1), "90%");
    nplot_figure_free(fig);
}

/* The library pieces: their effects and their bad input. */
static void test_heatmap_pieces(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_spines_set_visible(ax, "top,right", false), ND_OK);
    CU_ASSERT_EQUAL(nplot_spines_set_visible(ax, "middle", false), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "unknown spine 'middle'"));
    nplot_figure_free(fig);

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    double t[2] = { 0, 1 };
    CU_ASSERT_EQUAL(nplot_set_xticks(ax, t, 2, .rotation_mode = "sideways"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "rotation_mode must be 'default' or 'anchor', got 'sideways'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_ylabel(ax, "y", .va = "middle"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "bad va 'middle'"));
    nplot_figure_free(fig);

    /* spines: only the left and bottom ones remain; a rotated -90 ylabel on the right
     * reads downward (its bounding box is the same, so check it draws beside the axes) */
    fig = nplot_figure_new(.width = 3, .height = 3);
    ax = nplot_add_axes(fig, 0.2, 0.2, 0.6, 0.6);
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_yticks(ax, NULL, 0);
    nplot_spines_set_visible(ax, "top,right", false);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    CU_ASSERT(near_rgb(at(&m, x0, cy), 0x000000, 60));  /* left spine */
    CU_ASSERT(near_rgb(at(&m, cx, y1), 0x000000, 60));  /* bottom spine */
    CU_ASSERT(near_rgb(at(&m, x1, cy), 0xffffff, 5));   /* right: gone */
    CU_ASSERT(near_rgb(at(&m, cx, y0), 0xffffff, 5));   /* top: gone */
    free(m.px);
    nplot_figure_free(fig);

    /* tick_params with which="major" leaves the minor ticks' sides alone: major ticks on
     * top only, minor ticks still at the bottom */
    fig = nplot_figure_new(.width = 3, .height = 3);
    ax = nplot_add_axes(fig, 0.2, 0.2, 0.6, 0.6);
    nplot_set_xlim(ax, 0, 1);
    double maj[1] = { 0.25 }, mnr[1] = { 0.75 };
    nplot_set_xticks(ax, maj, 1);
    nplot_set_xticks(ax, mnr, 1, .minor = true);
    nplot_set_yticks(ax, NULL, 0);
    nplot_tick_params(ax, .top = NPLOT_ON, .bottom = NPLOT_OFF, .length = 10, .width = 3);
    nplot_tick_params(ax, .which = "minor", .length = 10, .width = 3);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double pxmaj, pxmin, py;
    nplot_data_to_pixel(ax, 0.25, 0, &pxmaj, &py);
    nplot_data_to_pixel(ax, 0.75, 0, &pxmin, &py);
    CU_ASSERT(near_rgb(at(&m, pxmaj, y0 - 6), 0x000000, 60));  /* major on top */
    CU_ASSERT(near_rgb(at(&m, pxmaj, y1 + 6), 0xffffff, 5));   /* not at the bottom */
    CU_ASSERT(near_rgb(at(&m, pxmin, y1 + 6), 0x000000, 60));  /* minor at the bottom */
    CU_ASSERT(near_rgb(at(&m, pxmin, y0 - 6), 0xffffff, 5));
    free(m.px);
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_heatmap_figure),
    ND_T(test_heatmap_pieces),
    ND_T(test_colorbar_format_fn),
    { 0 },
};
ND_TEST_MAIN("plot_heatmap", tests)
