/* libnumc_plot's further everyday kinds: stackplot (layer edges against matplotlib's own
 * stackplot polygons, scripts/gen_more_kinds_fixtures.py), stairs, fill_betweenx,
 * hlines / vlines. Structural checks on rendered pixels, and bad input (error code and a
 * message naming the shapes). */
#define _GNU_SOURCE
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "plot_image.h"
#include "testutil.h"

#define FIX NUMC_TEST_DATA "/plot/more_kinds.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"

/* the golden image's scene is the example's (one scene, reviewed next to
 * scripts/mpl_more_kinds_reference.py's rendering) */
#define main more_kinds_example
#include "../examples/more_kinds.c"
#undef main

static bool is_rgb(const img *m, nplot_axes *ax, double x, double y, unsigned rgb)
{
    return near_rgb(at_data(m, ax, x, y), rgb, 40);
}

/* ---- stackplot -------------------------------------------------------------------------------------- */
/* For every baseline: just inside each layer's top and bottom edge (at the interior x
 * values) the pixel has the layer's color, and just outside the stack it is white; the
 * edges are matplotlib's (read from its PolyCollections). */
static void test_stackplot_baselines_match_matplotlib(void)
{
    static const char *bases[] = { "zero", "sym", "wiggle", "weighted_wiggle" };
    static const unsigned cols[] = { 0xff0000, 0x00ff00, 0x0000ff };
    static const char *const colnames[] = { "red", "lime", "blue" };
    double x[8], ys[24];
    CU_ASSERT_EQUAL_FATAL(fixture_values(FIX, "stack_x", x, 8), 8);
    static const double rows[24] = { 1, 2, 3, 2, 1, 2, 4, 3, 2, 1, 1, 3, 4, 2, 1, 2, 1, 3, 2, 1, 2, 3, 2, 1 };
    memcpy(ys, rows, sizeof rows);
    for (size_t b = 0; b < 4; b++) {
        nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
        nplot_axes *ax = bare_axes(fig, 0, 7, -5, 9);
        nd_array *X = nd_from_f64(x, 8);
        nd_array *Y = nd_from_buffer(ys, 2, (const ptrdiff_t[]){ 3, 8 }, ND_FLOAT64);
        CU_ASSERT_EQUAL(nplot_stackplot(ax, X, Y, .baseline = bases[b], .colors = { 3, colnames }),
                        ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double eps = 0.12; /* ~5 pixels */
        for (int i = 0; i < 3; i++) {
            char name[64];
            double e[16];
            snprintf(name, sizeof name, "stack_%s_%d", bases[b], i);
            CU_ASSERT_EQUAL_FATAL(fixture_values(FIX, name, e, 16), 16);
            for (int j = 1; j < 7; j++) {
                double top = e[j], bottom = e[8 + j];
                CU_ASSERT_TRUE(is_rgb(&m, ax, x[j], top - eps, cols[i]));
                CU_ASSERT_TRUE(is_rgb(&m, ax, x[j], bottom + eps, cols[i]));
                if (i == 2) CU_ASSERT_TRUE(is_rgb(&m, ax, x[j], top + eps, 0xffffff));
                if (i == 0) CU_ASSERT_TRUE(is_rgb(&m, ax, x[j], bottom - eps, 0xffffff));
            }
        }
        free(m.px);
        nd_free(X), nd_free(Y);
        nplot_figure_free(fig);
    }
}

/* Default colors come from the line cycle (C0, C1, ...), labels give patch legend entries,
 * and a 1-D ys is one layer. */
static void test_stackplot_defaults_and_one_layer(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 3, 0, 5);
    double x[4] = { 0, 1, 2, 3 }, y[4] = { 2, 2, 2, 2 };
    nd_array *X = nd_from_f64(x, 4), *Y = nd_from_f64(y, 4);
    CU_ASSERT_EQUAL(nplot_stackplot(ax, X, Y, .labels = { 1, (const char *const[]){ "one" } }), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 1, 0x1f77b4));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 3, 0xffffff));
    free(m.px);
    nd_free(X), nd_free(Y);
    nplot_figure_free(fig);
}

static void test_stackplot_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double v[6] = { 1, 2, 3, 4, 5, 6 };
    nd_array *X = nd_from_f64(v, 3);
    nd_array *Y = nd_from_buffer(v, 2, (const ptrdiff_t[]){ 3, 2 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_stackplot(ax, X, Y), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "x has shape (3,) but ys has shape (3, 2)"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *Y2 = nd_from_buffer(v, 2, (const ptrdiff_t[]){ 2, 3 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_stackplot(ax, X, Y2, .baseline = "flat"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "got 'flat'"));
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(Y2);
}

/* ---- stairs ----------------------------------------------------------------------------------------- */
static void test_stairs_edges_and_baseline(void)
{
    double v[3] = { 1, 3, 2 }, e[4] = { 0, 1, 3, 4 };
    for (int variant = 0; variant < 4; variant++) {
        nplot_figure *fig = nplot_figure_new(.width = 5, .height = 4, .dpi = 100);
        nplot_axes *ax = bare_axes(fig, -1, 5, -1, 5);
        nd_array *V = nd_from_f64(v, 3), *E = nd_from_f64(e, 4);
        bool horiz = variant == 3;
        nd_status st;
        if (variant == 0) st = nplot_stairs(ax, V, .edges = E, .color = "red", .linewidth = 3);
        else if (variant == 1)
            st = nplot_stairs(ax, V, .edges = E, .color = "red", .linewidth = 3, .baseline = NAN);
        else if (variant == 2) st = nplot_stairs(ax, V, .edges = E, .color = "red", .fill = true);
        else st = nplot_stairs(ax, V, .edges = E, .color = "red", .linewidth = 3, .orientation = "horizontal");
        CU_ASSERT_EQUAL(st, ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* the step tops, in (along, value) order */
        static const double tops[3][2] = { { 0.5, 1 }, { 2, 3 }, { 3.5, 2 } };
        for (int i = 0; i < 3; i++) {
            double a = tops[i][0], b = tops[i][1];
            CU_ASSERT_TRUE(horiz ? is_rgb(&m, ax, b, a, 0xff0000) : is_rgb(&m, ax, a, b, 0xff0000));
        }
        /* the drop to the baseline at the first edge: drawn unless the baseline is NaN */
        bool drop = horiz ? is_rgb(&m, ax, 0.5, 0, 0xff0000) : is_rgb(&m, ax, 0, 0.5, 0xff0000);
        CU_ASSERT_EQUAL(drop, variant != 1);
        /* inside the steps: filled only with fill */
        CU_ASSERT_EQUAL(is_rgb(&m, ax, 2, 1.5, 0xff0000), variant == 2);
        free(m.px);
        nd_free(V), nd_free(E);
        nplot_figure_free(fig);
    }
}

static void test_stairs_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double v[3] = { 1, 3, 2 };
    nd_array *V = nd_from_f64(v, 3), *E = nd_from_f64(v, 3);
    CU_ASSERT_EQUAL(nplot_stairs(ax, V, .edges = E), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "edges has 3 values, values 3: expected 4"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_stairs(ax, V, .orientation = "up"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "got 'up'"));
    nplot_figure_free(fig);
    nd_free(V), nd_free(E);
}

/* ---- fill_betweenx ---------------------------------------------------------------------------------- */
static void test_fill_betweenx(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, -1, 3, -1, 4);
    double y[4] = { 0, 1, 2, 3 }, x1[4] = { 1, 2, 1, 2 };
    nd_array *Y = nd_from_f64(y, 4), *X1 = nd_from_f64(x1, 4);
    CU_ASSERT_EQUAL(nplot_fill_betweenx(ax, Y, X1, NULL, .color = "red"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 0.5, 1.5, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.8, 0.95, 0xff0000)); /* x1 reaches 2 at y = 1 */
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.8, 2, 0xffffff));    /* ... but only 1 at y = 2 */
    CU_ASSERT_TRUE(is_rgb(&m, ax, -0.5, 1.5, 0xffffff));
    free(m.px);
    nplot_figure_free(fig);
    /* step and where act along y: 'post' holds x1[i] up to y[i + 1]; where drops the
     * last interval */
    fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    ax = bare_axes(fig, -1, 3, -1, 4);
    double w[4] = { 1, 1, 1, 0 };
    nd_array *W = nd_from_f64(w, 4);
    CU_ASSERT_EQUAL(nplot_fill_betweenx(ax, Y, X1, NULL, .color = "red", .step = "post", .where = W),
                    ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 0.9, 0.5, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.4, 0.5, 0xffffff)); /* no slope: x1 stays 1 until y = 1 */
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.8, 1.5, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 0.5, 2.5, 0xffffff)); /* where is false at y = 3 */
    free(m.px);
    nplot_figure_free(fig);
    nd_free(W);
    /* a mismatched x2 is named with fill_betweenx's own argument names */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *X2 = nd_from_f64(y, 3);
    CU_ASSERT_EQUAL(nplot_fill_betweenx(ax, Y, X1, X2), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "y and x2"));
    nplot_figure_free(fig);
    nd_free(Y), nd_free(X1), nd_free(X2);
}

/* ---- hlines / vlines -------------------------------------------------------------------------------- */
static void test_hlines_vlines_positions(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, -1, 4, -1, 4);
    double pos[3] = { 1, 2, 3 }, lo = 0, hi[3] = { 1, 2, 3 };
    nd_array *P = nd_from_f64(pos, 3), *L = nd_from_f64(&lo, 1), *H = nd_from_f64(hi, 3);
    CU_ASSERT_EQUAL(nplot_hlines(ax, P, L, H, .colors = { 1, (const char *const[]){ "red" } },
                                 .linewidth = 3),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_TRUE(is_rgb(&m, ax, hi[i] - 0.5, pos[i], 0xff0000));
        CU_ASSERT_TRUE(is_rgb(&m, ax, hi[i] + 0.3, pos[i], 0xffffff)); /* ends at xmax */
    }
    free(m.px);
    nplot_figure_free(fig);

    /* vlines with one color per segment */
    fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    ax = bare_axes(fig, -1, 4, -1, 4);
    static const char *const cs[3] = { "red", "lime", "blue" };
    static const unsigned rgb[3] = { 0xff0000, 0x00ff00, 0x0000ff };
    CU_ASSERT_EQUAL(nplot_vlines(ax, P, L, H, .colors = { 3, cs }, .linewidth = 3), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_TRUE(is_rgb(&m, ax, pos[i], hi[i] - 0.5, rgb[i]));
        CU_ASSERT_TRUE(is_rgb(&m, ax, pos[i], hi[i] + 0.3, 0xffffff));
    }
    free(m.px);
    nplot_figure_free(fig);

    /* three y against two xmax */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *H2 = nd_from_f64(hi, 2);
    CU_ASSERT_EQUAL(nplot_hlines(ax, P, L, H2), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "shapes (3,) and (2,)"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_vlines(ax, P, L, H, .colors = { 2, cs }), ND_EVALUE);
    nplot_figure_free(fig);
    nd_free(P), nd_free(L), nd_free(H), nd_free(H2);
}


/* ---- ecdf ------------------------------------------------------------------------------------------- */
/* One red ecdf line of x (weights w, or NULL) on a bare 0..4 x -0.2..1.2 axes. */
static img ecdf_image(nplot_figure **figp, nplot_axes **axp, const double *x, const double *w, size_t n,
                      bool complementary, bool compress)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 4, -0.2, 1.2);
    nd_array *X = nd_from_f64(x, (ptrdiff_t)n), *W = w ? nd_from_f64(w, (ptrdiff_t)n) : NULL;
    CU_ASSERT_EQUAL(nplot_ecdf(ax, X, .weights = W, .complementary = complementary,
                               .compress = compress, .color = "red", .linewidth = 3),
                    ND_OK);
    nd_free(X), nd_free(W);
    *figp = fig, *axp = ax;
    return render(fig);
}

static void test_ecdf_values(void)
{
    double x[4] = { 3, 1, 2, 2 };
    for (int compress = 0; compress < 2; compress++) {
        nplot_figure *fig;
        nplot_axes *ax;
        img m = ecdf_image(&fig, &ax, x, NULL, 4, false, compress);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        CU_ASSERT_TRUE(is_rgb(&m, ax, 1, 0.1, 0xff0000));    /* rises at the minimum */
        CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 0.25, 0xff0000));
        CU_ASSERT_TRUE(is_rgb(&m, ax, 2, 0.6, 0xff0000));    /* two values at 2 */
        CU_ASSERT_TRUE(is_rgb(&m, ax, 2.5, 0.75, 0xff0000));
        CU_ASSERT_TRUE(is_rgb(&m, ax, 3, 0.9, 0xff0000));
        CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 0.5, 0xffffff));
        CU_ASSERT_TRUE(is_rgb(&m, ax, 0.5, 0, 0xffffff));    /* nothing before the minimum */
        CU_ASSERT_TRUE(is_rgb(&m, ax, 3.5, 1, 0xffffff));    /* ... nor after the maximum */
        free(m.px);
        nplot_figure_free(fig);
    }
    nplot_figure *fig;
    nplot_axes *ax;
    img m = ecdf_image(&fig, &ax, x, NULL, 4, true, false);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 0.75, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 2.5, 0.25, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 3, 0.1, 0xff0000));        /* falls to 0 at the maximum */
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 0.25, 0xffffff));
    free(m.px);
    nplot_figure_free(fig);
    /* weights 3 and 1: the first step is to 3/4 */
    double xw[2] = { 2, 1 }, w[2] = { 1, 3 };
    m = ecdf_image(&fig, &ax, xw, w, 2, false, false);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 0.75, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 0.5, 0xffffff));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_ecdf_bad_input(void)
{
    double x[3] = { 1, NAN, 2 };
    nd_array *X = nd_from_f64(x, 3), *W = nd_from_f64(x, 2);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_ecdf(ax, X), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "NaN (at index 1)"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_ecdf(ax, X, .weights = W), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "x and weights"));
    nplot_figure_free(fig);
    nd_free(X), nd_free(W);
}

/* ---- eventplot -------------------------------------------------------------------------------------- */
static void test_eventplot_positions(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 5, -1, 2);
    double p[4] = { 1, 2, 3, 4 };
    nd_array *P = nd_from_buffer(p, 2, (const ptrdiff_t[]){ 2, 2 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_eventplot(ax, P, .colors = { 1, (const char *const[]){ "red" } },
                                    .linewidths = NPLOT_F64S(3)),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* row 0 at offset 0, row 1 at offset 1, each 1 long */
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1, 0.3, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 2, -0.3, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1, 0.8, 0xffffff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 3, 1.3, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 4, 0.7, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 3, 0.2, 0xffffff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 0, 0xffffff));
    free(m.px);
    nplot_figure_free(fig);

    /* rows of different lengths, vertical, explicit offsets and lengths */
    fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    ax = bare_axes(fig, -1, 4, 0, 5);
    nd_array *r0 = nd_from_f64(p, 1), *r1 = nd_from_f64(p + 1, 3);
    const nd_array *rows[2] = { r0, r1 };
    CU_ASSERT_EQUAL(nplot_eventplot_rows(ax, rows, 2, .orientation = "vertical",
                                         .lineoffsets = NPLOT_F64S(0.5, 2.5),
                                         .linelengths = NPLOT_F64S(1, 0.5),
                                         .colors = { 2, (const char *const[]){ "red", "blue" } },
                                         .linewidths = NPLOT_F64S(3)),
                    ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 0.8, 1, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 2.6, 2, 0x0000ff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 2.4, 4, 0x0000ff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 3.0, 4, 0xffffff)); /* 0.5 long: ends at 2.75 */
    CU_ASSERT_TRUE(is_rgb(&m, ax, 0.5, 2, 0xffffff));
    free(m.px);
    nplot_figure_free(fig);

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_eventplot(ax, P, .lineoffsets = NPLOT_F64S(1, 2, 3)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "lineoffsets has 3 values, but positions has 2 rows"));
    nplot_figure_free(fig);
    nd_free(P), nd_free(r0), nd_free(r1);
}

/* ---- broken_barh ------------------------------------------------------------------------------------ */
static void test_broken_barh(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 5, 0, 4);
    double r[4] = { 1, 1, 3, 0.5 };
    nd_array *R = nd_from_buffer(r, 2, (const ptrdiff_t[]){ 2, 2 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_broken_barh(ax, R, 1, 2, .facecolors = { 2, (const char *const[]){ "red", "blue" } }),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 2, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 3.25, 2.9, 0x0000ff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 2.5, 2, 0xffffff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 0.5, 0xffffff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 3.5, 0xffffff));
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *R1 = nd_from_f64(r, 4);
    CU_ASSERT_EQUAL(nplot_broken_barh(ax, R1, 0, 1), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "shape (m, 2), got (4,)"));
    nplot_figure_free(fig);
    nd_free(R), nd_free(R1);
}

/* ---- axline ----------------------------------------------------------------------------------------- */
/* The line through (1, 1) and (2, 2) runs across the whole view, before and after a limit
 * change; the slope form; log axes draw it straight on screen (here y = x²). */
static void test_axline_through_points(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 4, 0, 4);
    CU_ASSERT_EQUAL(nplot_axline(ax, 1, 1, 2, 2, .color = "red", .linewidth = 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_axline_slope(ax, 0, 1, 2, .color = "blue", .linewidth = 3), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 0.1, 0.1, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 3.9, 3.9, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 3, 1, 0xffffff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1, 3, 0x0000ff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 0.25, 1.5, 0x0000ff));
    free(m.px);
    nplot_set_xlim(ax, -10, 10);
    nplot_set_ylim(ax, -20, 10);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, -9, -9, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 1.5, 1.5, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 9, 9, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 5, -5, 0xffffff));
    CU_ASSERT_TRUE(is_rgb(&m, ax, -9, -17, 0x0000ff));
    free(m.px);
    nplot_figure_free(fig);

    fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    ax = bare_axes(fig, 0.1, 1000, 0.1, 1000);
    nplot_set_xscale(ax, "log");
    nplot_set_yscale(ax, "log");
    nplot_set_xlim(ax, 0.1, 1000);
    nplot_set_ylim(ax, 0.1, 1000);
    CU_ASSERT_EQUAL(nplot_axline(ax, 1, 1, 10, 100, .color = "red", .linewidth = 3), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(is_rgb(&m, ax, 3, 9, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 0.5, 0.25, 0xff0000));
    CU_ASSERT_TRUE(is_rgb(&m, ax, 5.5, 50.5, 0xffffff)); /* a straight line in data space would pass here */
    free(m.px);
    CU_ASSERT_EQUAL(nplot_axline_slope(ax, 1, 1, 2), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'slope' cannot be used with non-linear scales"));
    nplot_figure_free(fig);

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axline(ax, 1, 2, 1, 2), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "two identical points (1, 2)"));
    nplot_figure_free(fig);
}

/* ---- golden image ----------------------------------------------------------------------------------- */
static void test_golden_more_kinds(void)
{
    char dir[64] = "/tmp/plot-more-XXXXXX", out[256];
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    bool regen = golden_output(out, sizeof out, GOLDEN, dir, "more_kinds");
    char *argv[] = { "more_kinds", regen ? GOLDEN : dir, NULL };
    CU_ASSERT_EQUAL_FATAL(more_kinds_example(2, argv), 0);
    if (!regen) {
        double rms = image_rms(GOLDEN "/more_kinds.png", out);
        if (!(rms >= 0 && rms <= 4.0)) fprintf(stderr, "golden more_kinds: RMS %g\n", rms);
        CU_ASSERT(rms >= 0 && rms <= 4.0);
        remove(out);
    }
    rmdir(dir);
}

static const ND_TEST tests[] = {
    ND_T(test_stackplot_baselines_match_matplotlib),
    ND_T(test_stackplot_defaults_and_one_layer),
    ND_T(test_stackplot_bad_input),
    ND_T(test_stairs_edges_and_baseline),
    ND_T(test_stairs_bad_input),
    ND_T(test_fill_betweenx),
    ND_T(test_hlines_vlines_positions),
    ND_T(test_ecdf_values),
    ND_T(test_ecdf_bad_input),
    ND_T(test_eventplot_positions),
    ND_T(test_broken_barh),
    ND_T(test_axline_through_points),
    ND_T(test_golden_more_kinds),
    { 0 },
};

ND_TEST_MAIN("plot_more", tests)
