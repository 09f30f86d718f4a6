/* Small measurements against matplotlib 3.6 (issue 20 review; tests/mpl_metrics_expect.h
 * from scripts/mpl_metrics_reference.py): a 5-entry legend's frame height (rows as tall as
 * Agg's hinted "lp", 14 px at 10 pt and 100 dpi, labelspacing * fontsize between) and the
 * suptitle's ink rows (its top is the first baseline less the larger ink ascent of the
 * text and of "lp", not the font's ascent). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "mpl_metrics_expect.h"
#include "plot_image.h"
#include "testutil.h"

static void test_legend_rows(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[] = { 0, 1 };
    char lab[5][16];
    for (int i = 0; i < 5; i++) {
        double y[] = { i, i };
        snprintf(lab[i], sizeof lab[i], "line %d", i);
        CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, y, 2, .label = lab[i]), ND_OK);
    }
    nplot_set_ylim(ax, 10, 11); /* the lines out of view: white behind the legend */
    CU_ASSERT_EQUAL(nplot_legend(ax, .loc = "center"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* a column between the handles and the labels: white inside the frame */
    int col = (int)(MPL_LEG5[0] + 39), cy = (int)(MPL_LEG5[1] + MPL_LEG5[3] / 2);
    int top = cy, bot = cy;
    while (top > 0 && at(&m, col, top)[0] > 240) top--;
    while (bot < m.h - 1 && at(&m, col, bot)[0] > 240) bot++;
    /* the edge's centre lines: rows top and bot are the 1 px edge of a frame at .5 offsets */
    double h = bot - top;
    fprintf(stderr, "legend of 5 rows: frame %d..%d (%g px), matplotlib %.2f..%.2f (%.2f px)\n", top, bot, h,
            MPL_LEG5[1], MPL_LEG5[1] + MPL_LEG5[3], MPL_LEG5[3]);
    CU_ASSERT(fabs(h - MPL_LEG5[3]) <= 1.2);
    CU_ASSERT(fabs(top - MPL_LEG5[1]) <= 1.5);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_suptitle_ink(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 100);
    CU_ASSERT_EQUAL(nplot_suptitle(fig, "Suptitle Ag"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int first = -1, last = -1;
    for (int y = 0; y < m.h; y++)
        for (int x = 0; x < m.w; x++) {
            const unsigned char *p = at(&m, x, y);
            if (p[0] + p[1] + p[2] < 3 * 200) {
                if (first < 0) first = y;
                last = y;
                break;
            }
        }
    fprintf(stderr, "suptitle ink rows %d..%d, matplotlib %d..%d\n", first, last, MPL_SUPTITLE_INK[0],
            MPL_SUPTITLE_INK[1]);
    /* the ink's top where matplotlib's is (the font's ascent put it 3 px lower); its foot
     * up to 2 px lower: Agg hints the glyphs to 12 + 3 px where their outlines span 16 */
    CU_ASSERT(abs(first - MPL_SUPTITLE_INK[0]) <= 1);
    CU_ASSERT(last >= MPL_SUPTITLE_INK[1] && last - MPL_SUPTITLE_INK[1] <= 2);
    free(m.px);
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_legend_rows),
    ND_T(test_suptitle_ink),
    { 0 },
};

ND_TEST_MAIN("plot_mpl_metrics", tests)
