/* The full marker chart (examples/plot_markers.c): the tick and caret markers by their
 * pixels (ticks run markersize from the point, carets are filled triangles whose tip is the
 * point), and the chart against numc's reviewed golden and matplotlib 3.6's rendering
 * (scripts/mpl_markers_reference.py). */
#define MARKERS_NO_MAIN
#include "../examples/plot_markers.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot/markers"

static bool blue(const unsigned char *p) { return p[2] > 120 && p[0] < 100; }
static bool white(const unsigned char *p) { return p[0] > 240 && p[1] > 240 && p[2] > 240; }

/* one marker of size 20 points at the centre of a 200 x 200 px axes (x, y in 0..2) */
static img one_marker(const char *m, nplot_axes **axo)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, 0, 2);
    nplot_set_ylim(ax, 0, 2);
    nplot_axis(ax, "off");
    double x = 1, y = 1;
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, &x, &y, 1, .marker = m, .markersize = 20, .color = "C0"), ND_OK);
    img r = render(fig);
    *axo = NULL;
    nplot_figure_free(fig);
    return r;
}

static void test_ticks_and_carets(void)
{
    nplot_axes *ax;
    /* 20 pt = 27.8 px at 100 dpi; the centre is pixel 100 */
    img m = one_marker("tickleft", &ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(blue(at(&m, 100 - 20, 100)));
    CU_ASSERT(white(at(&m, 100 + 8, 100)));
    CU_ASSERT(white(at(&m, 100 - 32, 100)));
    free(m.px);
    m = one_marker("tickup", &ax);
    CU_ASSERT(blue(at(&m, 100, 100 - 20)));
    CU_ASSERT(white(at(&m, 100, 100 + 8)));
    free(m.px);
    /* caretdown: a filled triangle above its tip at the point, 13.9 px half-width */
    m = one_marker("caretdown", &ax);
    CU_ASSERT(blue(at(&m, 100, 100 - 10)));
    CU_ASSERT(blue(at(&m, 100 - 8, 100 - 18)));
    CU_ASSERT(white(at(&m, 100, 100 + 6)));
    free(m.px);
    /* caretupbase: the base on the point, the tip 20.8 px above */
    m = one_marker("caretupbase", &ax);
    CU_ASSERT(blue(at(&m, 100, 100 - 15)));
    CU_ASSERT(white(at(&m, 100, 100 + 6)));
    CU_ASSERT(white(at(&m, 100, 100 - 26)));
    free(m.px);
    /* an unknown marker name is an error naming it */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *a = nplot_subplot(fig, 1, 1, 1);
    double x = 0;
    CU_ASSERT_EQUAL(nplot_plot_xy(a, &x, &x, 1, .marker = "caretsideways"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "caretsideways") != NULL);
    nplot_figure_free(fig);
}

static void test_golden_chart(void)
{
    nplot_figure *fig = markers_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "plot_markers");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/plot_markers.png", out);
    if (!(rms >= 0 && rms <= 1.0)) fprintf(stderr, "golden plot_markers: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 1.0);
    /* matplotlib's own chart: every marker in its place; the difference (RMS 6.8 over RGBA) is the
     * edges' antialiasing, the same for the older markers as for the new ticks and carets */
    double mrms = image_rms(GOLDEN "/mpl_plot_markers.png", out);
    if (!(mrms >= 0 && mrms <= 7.0)) fprintf(stderr, "plot_markers vs matplotlib: RMS %g\n", mrms);
    CU_ASSERT(mrms >= 0 && mrms <= 7.0);
    if (rms >= 0 && rms <= 1.0) remove(out);
}

static const ND_TEST tests[] = {
    ND_T(test_ticks_and_carets),
    ND_T(test_golden_chart),
    { 0 },
};

ND_TEST_MAIN("plot_marker_chart", tests)
