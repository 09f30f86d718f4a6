/* Subfigures (fig.subfigures, add_subfigure, nested subfigures, subfig.subplots /
 * add_subplot / subplots_adjust / suptitle / supxlabel): subfigure boxes and the positions
 * of their axes against matplotlib 3.6 (scripts/mpl_subfig_reference.py writes
 * tests/data/plot/subfig/ref.txt), suptitle ink against matplotlib's text extents, patch
 * pixels, tight_layout leaving subfigures alone, bad input, and the golden of
 * examples/plot_subfigures.c (the script saves matplotlib's rendering of it next to it). */
#define SUBFIG_NO_MAIN
#include "../examples/plot_subfigures.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define REF NUMC_TEST_DATA "/plot/subfig/ref.txt"
#define GOLDEN NUMC_TEST_DATA "/plot/subfig"

static int ref(const char *name, double *out, int cap) { return test_ref_values(REF, name, out, cap); }

static void check4(const char *name, const double got[4])
{
    double want[4];
    CU_ASSERT_EQUAL_FATAL(ref(name, want, 4), 4);
    for (int i = 0; i < 4; i++) {
        if (fabs(got[i] - want[i]) > 1e-12)
            fprintf(stderr, "%s[%d]: got %.17g want %.17g\n", name, i, got[i], want[i]);
        CU_ASSERT_DOUBLE_EQUAL(got[i], want[i], 1e-12);
    }
}

static void check_sf(const char *name, const nplot_subfigure *sf)
{
    double b[4];
    CU_ASSERT_EQUAL_FATAL(nplot_subfig_get_position(sf, b), ND_OK);
    check4(name, b);
}

static void check_ax(const char *name, nplot_axes *ax)
{
    double b[4];
    CU_ASSERT_EQUAL_FATAL(nplot_axes_get_position(ax, b), ND_OK);
    check4(name, b);
}

/* the golden's layout: subfigures(1, 2, width_ratios=[2, 1]), subplots(2, 1) / (1, 1) */
static void test_ratio_positions(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_subfigure *sf[2];
    nplot_axes *l[2], *r;
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 2, sf, .width_ratios = { 2, (double[]){ 2, 1 } }), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_subfig_subplots(sf[0], 2, 1, l), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_subfig_subplots(sf[1], 1, 1, &r), ND_OK);
    CU_ASSERT_PTR_EQUAL(nplot_subfig_figure(sf[1]), fig);
    check_sf("sf_left_box", sf[0]);
    check_sf("sf_right_box", sf[1]);
    check_ax("golden_ax0", l[0]);
    check_ax("golden_ax1", l[1]);
    check_ax("golden_ax2", r);
    nplot_figure_free(fig);
}

/* 2x2 with height ratios, add_subplot in a subfigure, nested subfigures */
static void test_grid_nested(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6);
    nplot_subfigure *sf[4], *inner[2];
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 2, 2, sf, .height_ratios = { 2, (double[]){ 1, 3 } }), ND_OK);
    char name[32];
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "grid_sf%d", i);
        check_sf(name, sf[i]);
    }
    nplot_axes *a = nplot_subfig_add_subplot(sf[2], 2, 2, 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    /* the same geometry reuses the grid: (2, 2, 4) sits beside (2, 2, 3) */
    nplot_axes *a4 = nplot_subfig_add_subplot(sf[2], 2, 2, 4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a4);
    CU_ASSERT_EQUAL_FATAL(nplot_subfig_subfigures(sf[3], 1, 2, inner), ND_OK);
    nplot_axes *an;
    CU_ASSERT_EQUAL_FATAL(nplot_subfig_subplots(inner[1], 1, 1, &an), ND_OK);
    check_ax("grid_addsub", a);
    double b3[4], b4[4];
    CU_ASSERT_EQUAL(nplot_axes_get_position(a, b3), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_get_position(a4, b4), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(b4[1], b3[1], 1e-12);
    CU_ASSERT(b4[0] > b3[0] + b3[2]);
    check_sf("nested_sf0", inner[0]);
    check_sf("nested_sf1", inner[1]);
    check_ax("nested_ax", an);
    /* a figure-level subplot keeps the figure's params */
    nplot_axes *top = nplot_subplot(fig, 1, 1, 1);
    double bt[4];
    CU_ASSERT_EQUAL(nplot_axes_get_position(top, bt), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(bt[0], 0.125, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(bt[2], 0.775, 1e-12);
    nplot_figure_free(fig);
}

/* add_subfigure(gs[0, 1:]) with width ratios, then subfig.subplots_adjust */
static void test_add_subfigure_adjust(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4);
    nplot_gridspec *gs = nplot_gridspec_new(fig, 2, 3, .width_ratios = { 3, (double[]){ 1, 2, 1 } });
    nplot_subfigure *sf = nplot_add_subfigure(gs, "0, 1:");
    CU_ASSERT_PTR_NOT_NULL_FATAL(sf);
    check_sf("add_sf", sf);
    nplot_axes *a[2];
    CU_ASSERT_EQUAL_FATAL(nplot_subfig_subplots(sf, 1, 2, a), ND_OK);
    check_ax("add_sf_ax0", a[0]);
    check_ax("add_sf_ax1", a[1]);
    CU_ASSERT_EQUAL(nplot_subfig_subplots_adjust(sf, .left = 0.2, .right = 0.95, .wspace = 0.5), ND_OK);
    check_ax("add_sf_adj_ax0", a[0]);
    check_ax("add_sf_adj_ax1", a[1]);
    /* a gridspec of a subfigure: nested subfigure and subplot on its cells */
    nplot_gridspec *g2 = nplot_subfig_gridspec_new(sf, 1, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g2);
    nplot_subfigure *s2 = nplot_add_subfigure(g2, "0, 1");
    double b[4];
    CU_ASSERT_EQUAL(nplot_subfig_get_position(s2, b), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(b[0], 0.25 + 0.75 / 2, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b[1], 0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b[2], 0.75 / 2, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b[3], 0.5, 1e-12);
    nplot_axes *ag = nplot_gridspec_subplot(g2, "0, 0");
    CU_ASSERT_EQUAL(nplot_axes_get_position(ag, b), ND_OK);
    /* the subfigure's adjusted params: left 0.2 of its box */
    CU_ASSERT_DOUBLE_EQUAL(b[0], 0.25 + 0.2 * 0.75, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b[1], 0.5 + 0.11 * 0.5, 1e-12);
    nplot_figure_free(fig);
}

/* wspace / hspace space the subfigures as GridSpec(left=0, right=1, bottom=0, top=1) */
static void test_spacing(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_subfigure *sf[6];
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 2, 3, sf, .wspace = 0.3, .hspace = 0.1,
                                           .width_ratios = { 3, (double[]){ 1, 2, 3 } }), ND_OK);
    check_sf("space_cell0", sf[0]);
    check_sf("space_cell4", sf[4]);
    nplot_figure_free(fig);
}

/* true when some pixel of [x0, x1) x [y0, y1) is far from the color bg */
static bool ink(const img *m, int x0, int x1, int y0, int y1, unsigned bg)
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            if (!near_rgb(at(m, x, y), bg, 60)) return true;
    return false;
}

/* suptitles inside matplotlib's extents; patch colors and the frame */
static void test_suptitle_and_patch(void)
{
    nplot_figure *fig = subfig_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    img im = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(im.px);
    static const char *names[2] = { "suptitle_left_px", "suptitle_right_px" };
    static const unsigned bg[2] = { 0xe5e5e5, 0xd0e0ff };
    for (int k = 0; k < 2; k++) {
        double e[4]; /* x0, y0, x1, y1 from the bottom */
        CU_ASSERT_EQUAL_FATAL(ref(names[k], e, 4), 4);
        int x0 = (int)e[0], x1 = (int)ceil(e[2]), top = im.h - (int)ceil(e[3]), bot = im.h - (int)e[1];
        CU_ASSERT(ink(&im, x0, x1, top, bot, bg[k]));
        /* nothing beside or above the extent, give or take 3 px */
        CU_ASSERT(!ink(&im, x0 - 30, x0 - 3, top, bot, bg[k]));
        CU_ASSERT(!ink(&im, x1 + 3, x1 + 30, top, bot, bg[k]));
        CU_ASSERT(!ink(&im, x0, x1, 3, top - 3, bg[k]));
    }
    /* matplotlib's "0.9" is 229.5: 229 or 230 */
    CU_ASSERT(near_rgb(at(&im, 5, 240), 0xe5e5e5, 1));
    CU_ASSERT(near_rgb(at(&im, 430, 470), 0xd0e0ff, 1));
    CU_ASSERT(near_rgb(at(&im, 639, 240), 0x000000, 10));
    CU_ASSERT(near_rgb(at(&im, 427, 240), 0x000000, 10));
    /* axes faces stay white */
    CU_ASSERT(near_rgb(at(&im, 200, 100), 0xffffff, 1) || !near_rgb(at(&im, 200, 100), 0xe5e5e5, 5));
    free(im.px);
    nplot_figure_free(fig);
    /* frameoff: the figure's white shows */
    fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 50);
    nplot_subfigure *s[2];
    CU_ASSERT_EQUAL(nplot_subfigures(fig, 1, 2, s, .facecolor = "red"), ND_OK);
    CU_ASSERT_EQUAL(nplot_subfig_set_frameon(s[1], false), ND_OK);
    im = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(im.px);
    CU_ASSERT(near_rgb(at(&im, 20, 50), 0xff0000, 1));
    CU_ASSERT(near_rgb(at(&im, 80, 50), 0xffffff, 1));
    free(im.px);
    nplot_figure_free(fig);
}

static int nwarn;
static void count_warn(const char *msg, unsigned bits, void *ctx)
{
    (void)bits, (void)ctx;
    if (strstr(msg, "subfigures")) nwarn++;
}

/* tight_layout adjusts the figure's axes only, and warns once */
static void test_tight_leaves_subfigures(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8);
    nplot_subfigure *sf[2];
    nplot_axes *a, *b;
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 2, sf, .width_ratios = { 2, (double[]){ 2, 1 } }), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_subfig_subplots(sf[1], 1, 1, &a), ND_OK);
    b = nplot_subfig_add_subplot(sf[0], 1, 1, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL(nplot_tight_layout(fig), ND_OK);
    nwarn = 0;
    nd_seterrcall(count_warn, NULL);
    double p[4];
    CU_ASSERT_EQUAL(nplot_axes_get_position(a, p), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nd_seterrcall(NULL, NULL);
    CU_ASSERT_EQUAL(nwarn, 1);
    check4("golden_ax2", p);
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    nplot_subfigure *sf[4];
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_subfigures(fig, 1, 2, sf, .width_ratios = { 3, (double[]){ 1, 2, 3 } }), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_subfigures: 'width_ratios' has 3 values"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_subfigures(fig, 2, 1, sf, .height_ratios = { 2, (double[]){ 1, -1 } }), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "height_ratios[1] = -1 must be positive"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_subfigures(fig, 1, 2, sf, .wspace = -0.1), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_subfigures: wspace and hspace must be >= 0"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_subfigures(fig, 0, 2, sf), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_subfigures(fig, 1, 2, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "out is NULL"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_subfigures(fig, 1, 2, sf, .facecolor = "notacolor"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_subfigures"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_subfigures(fig, 1, 2, sf, .linewidth = -1), ND_EVALUE);
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_subfigures(NULL, 1, 2, sf), ND_EVALUE);
    /* NULL subfigure everywhere */
    CU_ASSERT_EQUAL(nplot_subfig_subfigures(NULL, 1, 1, sf), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_subfig_subfigures: subfigure is NULL"));
    nplot_axes *ax[2];
    CU_ASSERT_EQUAL(nplot_subfig_subplots(NULL, 1, 1, ax), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nplot_subfig_add_subplot(NULL, 1, 1, 1));
    CU_ASSERT_PTR_NULL(nplot_subfig_gridspec_new(NULL, 1, 1));
    CU_ASSERT_EQUAL(nplot_subfig_suptitle(NULL, "t"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_subfig_supxlabel(NULL, "t"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_subfig_supylabel(NULL, "t"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_subfig_subplots_adjust(NULL, .left = 0.1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_subfig_set_facecolor(NULL, "red"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_subfig_set_edgecolor(NULL, "red"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_subfig_set_linewidth(NULL, 1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_subfig_set_frameon(NULL, true), ND_EVALUE);
    double b[4];
    CU_ASSERT_EQUAL(nplot_subfig_get_position(NULL, b), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nplot_subfig_figure(NULL));
    CU_ASSERT_PTR_NULL(nplot_add_subfigure(NULL, "0"));
    /* bad values on a subfigure */
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 1, sf), ND_OK);
    CU_ASSERT_EQUAL(nplot_subfig_subplots(sf[0], 1, 1, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_subfig_subplots: axs is NULL"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 1, sf), ND_OK);
    CU_ASSERT_EQUAL(nplot_subfig_subplots(sf[0], 0, 1, ax), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_subfig_subplots: grid must be"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 1, sf), ND_OK);
    CU_ASSERT_PTR_NULL(nplot_subfig_add_subplot(sf[0], 2, 2, 5));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "index 5 is out of range"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 1, sf), ND_OK);
    CU_ASSERT_EQUAL(nplot_subfig_subplots_adjust(sf[0], .left = 0.95), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "left < right"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 1, sf), ND_OK);
    CU_ASSERT_EQUAL(nplot_subfig_subplots_adjust(sf[0], .hspace = -0.5), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 1, sf), ND_OK);
    CU_ASSERT_EQUAL(nplot_subfig_suptitle(sf[0], NULL), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 1, sf), ND_OK);
    CU_ASSERT_EQUAL(nplot_subfig_set_linewidth(sf[0], NAN), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL_FATAL(nplot_subfigures(fig, 1, 1, sf), ND_OK);
    CU_ASSERT_EQUAL(nplot_subfig_set_edgecolor(sf[0], "nope"), ND_EVALUE);
    nplot_figure_free(fig);
    /* add_subfigure: bad spec, grid options, subgridspec */
    fig = nplot_figure_new();
    nplot_gridspec *gs = nplot_gridspec_new(fig, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_add_subfigure(gs, "0, 5"));
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EINDEX);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    gs = nplot_gridspec_new(fig, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_add_subfigure(gs, "0", .wspace = 0.2));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "belong to the gridspec"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    gs = nplot_gridspec_new(fig, 2, 2);
    nplot_gridspec *sub = nplot_gridspec_subgridspec(gs, "0, 0", 2, 2);
    CU_ASSERT_PTR_NULL(nplot_add_subfigure(sub, "0, 0"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "subgridspec cannot hold a subfigure"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    gs = nplot_gridspec_new(fig, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_add_subfigure(gs, NULL));
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EPARSE);
    nplot_figure_free(fig);
}

static void test_golden(void)
{
    nplot_figure *fig = subfig_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[512];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "subfigures");
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/subfigures.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden subfigures: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
    /* the reviewed golden stays close to matplotlib's own rendering */
    double mrms = image_rms(GOLDEN "/mpl_golden.png", GOLDEN "/subfigures.png");
    if (!(mrms >= 0 && mrms <= 25)) fprintf(stderr, "subfigures vs matplotlib: RMS %g\n", mrms);
    CU_ASSERT(mrms >= 0 && mrms <= 25);
}

static const ND_TEST tests[] = {
    ND_T(test_ratio_positions),
    ND_T(test_grid_nested),
    ND_T(test_add_subfigure_adjust),
    ND_T(test_spacing),
    ND_T(test_suptitle_and_patch),
    ND_T(test_tight_leaves_subfigures),
    ND_T(test_bad_input),
    ND_T(test_golden),
    { 0 },
};

ND_TEST_MAIN("plot_subfig", tests)
