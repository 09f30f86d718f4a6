/* libnumc_plot vector fields: quiver, quiverkey, barbs, streamplot. Structural checks on
 * rendered pixels (arrow tips, pivots, matplotlib's autoscale, barb features), on the
 * traced streamlines (inside the domain, one line per density-mask cell, through their
 * start points), bad input, and golden images reviewed next to matplotlib 3.6's
 * renderings of the same scenes (scripts/mpl_vector_reference.py). */
#define _GNU_SOURCE
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultsim.h"
#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"
static char tmpdir[64];

static nd_array *grid2(const double *v, ptrdiff_t rows, ptrdiff_t cols)
{
    return nd_from_buffer(v, 2, (const ptrdiff_t[]){ rows, cols }, ND_FLOAT64);
}

static bool is_red(const img *m, nplot_axes *ax, double x, double y)
{
    return near(at_data(m, ax, x, y), 255, 0, 0, 60);
}

static bool is_white(const img *m, nplot_axes *ax, double x, double y)
{
    return near(at_data(m, ax, x, y), 255, 255, 255, 20);
}

/* One red arrow (x, y, u, v) drawn with the given options on a bare 0..4 axes. */
static img one_arrow(nplot_figure *fig, nplot_axes **axp, double x, double y, double u, double v,
                     const char *pivot, bool xy)
{
    nplot_axes *ax = bare_axes(fig, 0, 4, 0, 4);
    nd_array *X = nd_from_f64(&x, 1), *Y = nd_from_f64(&y, 1);
    nd_array *U = nd_from_f64(&u, 1), *V = nd_from_f64(&v, 1);
    nd_status st = xy ? nplot_quiver(ax, U, V, .x = X, .y = Y, .angles = "xy", .scale_units = "xy",
                                     .scale = 1, .color = "red", .width = 0.02, .pivot = pivot)
                      : nplot_quiver(ax, U, V, .x = X, .y = Y, .color = "red", .width = 0.02,
                                     .pivot = pivot);
    CU_ASSERT_EQUAL(st, ND_OK);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V);
    *axp = ax;
    return render(fig);
}

/* angles 'xy', scale_units 'xy', scale 1: the tip lands exactly on (x + u, y + v), whatever
 * the aspect of the axes. */
static void test_quiver_xy_tip_lands_on_target(void)
{
    static const double cases[][4] = { { 1, 1, 2, 0 }, { 0.5, 0.5, 2, 3 }, { 3.5, 3, -3, -2 } };
    for (size_t k = 0; k < 3; k++) {
        const double *c = cases[k];
        nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3, .dpi = 100);
        nplot_axes *ax;
        img m = one_arrow(fig, &ax, c[0], c[1], c[2], c[3], NULL, true);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double tx = c[0] + c[2], ty = c[1] + c[3], len = hypot(c[2], c[3]);
        double ux = c[2] / len, uy = c[3] / len;
        /* just inside the tip is the arrow, just beyond it the background */
        CU_ASSERT(is_red(&m, ax, tx - 0.06 * ux, ty - 0.06 * uy));
        CU_ASSERT(is_white(&m, ax, tx + 0.06 * ux, ty + 0.06 * uy));
        /* and the shaft starts at the tail */
        CU_ASSERT(is_red(&m, ax, c[0] + 0.1 * ux, c[1] + 0.1 * uy));
        CU_ASSERT(is_white(&m, ax, c[0] - 0.08 * ux, c[1] - 0.08 * uy));
        free(m.px);
        nplot_figure_free(fig);
    }
}

/* pivot: the tail (default), the middle or the tip sits on (x, y). */
static void test_quiver_pivots(void)
{
    const char *pivots[] = { "tail", "mid", "middle", "tip" };
    for (int k = 0; k < 4; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
        nplot_axes *ax;
        img m = one_arrow(fig, &ax, 2, 2, 1.6, 0, pivots[k], true);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double start = k == 0 ? 2 : k == 3 ? 0.4 : 1.2; /* where the tail lands */
        CU_ASSERT(is_red(&m, ax, start + 0.1, 2));
        CU_ASSERT(is_white(&m, ax, start - 0.08, 2));
        CU_ASSERT(is_red(&m, ax, start + 1.5, 2));
        CU_ASSERT(is_white(&m, ax, start + 1.68, 2));
        free(m.px);
        nplot_figure_free(fig);
    }
}

/* scale = None: matplotlib's autoscale makes a lone arrow 1 / 18 of the axes width
 * (1.8 * mean length * max(10, sqrt N) per axes width), whatever its magnitude. */
static void test_quiver_autoscale_single_arrow(void)
{
    for (int k = 0; k < 2; k++) {
        double mag = k ? 0.01 : 250;
        nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 100);
        nplot_axes *ax;
        img m = one_arrow(fig, &ax, 1, 2, mag, 0, NULL, false);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double len = 4.0 / 18; /* data units: the axes spans 4 */
        CU_ASSERT(is_red(&m, ax, 1 + 0.9 * len, 2));
        CU_ASSERT(is_white(&m, ax, 1 + 1.1 * len, 2));
        free(m.px);
        nplot_figure_free(fig);
    }
}

/* Positions as 1-D x and y of U's columns and rows, as their 2-D meshgrid, or as flat
 * lists draw the same arrows; no positions means the column and row indices. */
static void test_quiver_position_forms(void)
{
    double x[3] = { 0, 1, 2 }, y[2] = { 0, 1 }, u[6] = { 1, 2, 3, -1, -2, 0.5 };
    double v[6] = { 1, 0, -1, 2, 1, -1 }, gx[6], gy[6];
    for (int i = 0; i < 6; i++) gx[i] = x[i % 3], gy[i] = y[i / 3];
    nd_array *X = nd_from_f64(x, 3), *Y = nd_from_f64(y, 2), *U = grid2(u, 2, 3), *V = grid2(v, 2, 3);
    nd_array *GX = grid2(gx, 2, 3), *GY = grid2(gy, 2, 3), *FX = nd_from_f64(gx, 6);
    nd_array *FY = nd_from_f64(gy, 6), *FU = nd_from_f64(u, 6), *FV = nd_from_f64(v, 6);
    img m[4];
    for (int k = 0; k < 4; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 60);
        nplot_axes *ax = bare_axes(fig, -1, 3, -1, 2);
        nd_status st = k == 0   ? nplot_quiver(ax, U, V, .x = X, .y = Y)
                       : k == 1 ? nplot_quiver(ax, U, V, .x = GX, .y = GY)
                       : k == 2 ? nplot_quiver(ax, FU, FV, .x = FX, .y = FY)
                                : nplot_quiver(ax, U, V);
        CU_ASSERT_EQUAL(st, ND_OK);
        m[k] = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m[k].px);
        nplot_figure_free(fig);
    }
    for (int k = 1; k < 4; k++) CU_ASSERT(memcmp(m[0].px, m[k].px, (size_t)m[0].w * m[0].h * 4) == 0);
    for (int k = 0; k < 4; k++) free(m[k].px);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V), nd_free(GX), nd_free(GY);
    nd_free(FX), nd_free(FY), nd_free(FU), nd_free(FV);
}

/* units and scale_units 'inches' with scale 1: a vector of length 1 is an arrow one inch
 * (dpi pixels) long, whatever the data limits; 'dots' with scale 1: one pixel per unit. */
static void test_quiver_physical_units(void)
{
    static const struct { const char *units; double u, px; } cases[] = {
        { "inches", 1, 100 }, { "inches", 0.5, 50 }, { "dots", 120, 120 },
    };
    for (size_t k = 0; k < 3; k++) {
        double x = 1, y = 2, u = cases[k].u, v = 0;
        nd_array *X = nd_from_f64(&x, 1), *Y = nd_from_f64(&y, 1), *U = nd_from_f64(&u, 1);
        nd_array *V = nd_from_f64(&v, 1);
        nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3, .dpi = 100);
        nplot_axes *ax = bare_axes(fig, 0, 7, 0, 4);
        CU_ASSERT_EQUAL(nplot_quiver(ax, U, V, .x = X, .y = Y, .units = cases[k].units,
                                     .scale_units = cases[k].units, .scale = 1,
                                     .width = strcmp(cases[k].units, "dots") ? 0.05 : 5,
                                     .color = "red"), ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double px, py;
        nplot_data_to_pixel(ax, x, y, &px, &py);
        CU_ASSERT(near(at(&m, px + cases[k].px - 6, py), 255, 0, 0, 60));
        CU_ASSERT(near(at(&m, px + cases[k].px + 3, py), 255, 255, 255, 20));
        free(m.px);
        nplot_figure_free(fig);
        nd_free(X), nd_free(Y), nd_free(U), nd_free(V);
    }
}

/* C values are color-mapped through the mappable: the colorbar accepts the quiver, and
 * the arrows take the colormap's ends. A non-finite U hides its arrow. */
static void test_quiver_colors_by_array(void)
{
    double x[3] = { 1, 2, 3 }, y[3] = { 1, 2, 3 }, u[3] = { 1, NAN, 1 }, v[3] = { 0, 0, 0 };
    double c[3] = { 0, 5, 10 };
    nd_array *X = nd_from_f64(x, 3), *Y = nd_from_f64(y, 3), *U = nd_from_f64(u, 3);
    nd_array *V = nd_from_f64(v, 3), *C = nd_from_f64(c, 3);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 4, 0, 4);
    CU_ASSERT_EQUAL(nplot_quiver(ax, U, V, .x = X, .y = Y, .c = C, .cmap = "gray", .angles = "xy",
                                 .scale_units = "xy", .scale = 1, .width = 0.03), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 1.5, 1), 0, 0, 0, 40));       /* gray(0): black */
    CU_ASSERT(near(at_data(&m, ax, 3.4, 3), 255, 255, 255, 40)); /* gray(1) on white */
    CU_ASSERT(is_white(&m, ax, 2.5, 2));                        /* the NaN arrow */
    free(m.px);
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V), nd_free(C);
}

/* The key is an arrow of the quiver's scale: with scale_units 'xy' and scale 1 a key of
 * U = 1 in data coordinates spans one data unit. */
static void test_quiverkey_matches_quiver_scale(void)
{
    double x = 0.5, y = 0.5, u = 1, v = 0;
    nd_array *X = nd_from_f64(&x, 1), *Y = nd_from_f64(&y, 1), *U = nd_from_f64(&u, 1);
    nd_array *V = nd_from_f64(&v, 1);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 4, 0, 4);
    CU_ASSERT_EQUAL(nplot_quiver(ax, U, V, .x = X, .y = Y, .angles = "xy", .scale_units = "xy",
                                 .scale = 1, .width = 0.02, .color = "red"), ND_OK);
    /* labelpos W: (X, Y) is the tail */
    CU_ASSERT_EQUAL(nplot_quiverkey(ax, 2, 3, 1.5, "", .coordinates = "data", .labelpos = "W"),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(is_red(&m, ax, 2.1, 3));
    CU_ASSERT(is_red(&m, ax, 3.44, 3));
    CU_ASSERT(is_white(&m, ax, 3.56, 3));
    CU_ASSERT(is_white(&m, ax, 1.92, 3));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V);
}

/* The key's position in figure fractions, inches and axes fractions: the arrow's middle
 * (labelpos N) lands there, and the label sits above it. */
static void test_quiverkey_coordinates(void)
{
    double one = 1, zero = 0;
    nd_array *U = nd_from_f64(&one, 1), *V = nd_from_f64(&zero, 1);
    static const struct { const char *coords; double x, y, px, py; } cases[] = {
        { "figure", 0.5, 0.25, 200, 225 }, { "inches", 1, 2, 100, 100 }, { "axes", 0.5, 0.5, 200, 150 },
    };
    for (size_t k = 0; k < 3; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
        nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
        nplot_axis(ax, "off");
        nplot_set_xlim(ax, -1, 20); /* the quiver's lone arrow at (0, 0), out of the way */
        nplot_set_ylim(ax, -1, 20);
        CU_ASSERT_EQUAL(nplot_quiver(ax, U, V, .color = "red", .width = 0.02), ND_OK);
        CU_ASSERT_EQUAL(nplot_quiverkey(ax, cases[k].x, cases[k].y, 3, "key",
                                        .coordinates = cases[k].coords), ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double px = cases[k].px, py = cases[k].py;
        /* the key is 3 times the lone arrow (1 / 18 of 400 px): 67 px centred on px */
        CU_ASSERT(near(at(&m, px - 25, py), 255, 0, 0, 60));
        CU_ASSERT(near(at(&m, px + 25, py), 255, 0, 0, 60));
        CU_ASSERT(near(at(&m, px - 40, py), 255, 255, 255, 20));
        CU_ASSERT(near(at(&m, px + 40, py), 255, 255, 255, 20));
        int ink = 0; /* the label: dark pixels within 25 px above */
        for (int y = (int)py - 25; y < (int)py - 5; y++)
            for (int x = (int)px - 15; x < (int)px + 15; x++) ink += at(&m, x, y)[1] < 100;
        CU_ASSERT(ink > 10);
        free(m.px);
        nplot_figure_free(fig);
    }
    nd_free(U), nd_free(V);
}

/* ---- barbs ------------------------------------------------------------------------------------ */
/* Runs of dark pixels down column x from row y0 to y1 (beside the staff of a vertical
 * barb, clear of the axes frame); runs longer than `thick` are counted in *thick_runs. */
static int dark_runs(const img *m, double x, double y0, double y1, int *thick_runs, int thick)
{
    int runs = 0, len = 0;
    *thick_runs = 0;
    for (int y = (int)y0; y <= (int)y1 + 1; y++) {
        bool dark = y <= (int)y1 && at(m, x, y)[0] < 128;
        if (dark) {
            len++;
        } else if (len) {
            runs++;
            if (len > thick) ++*thick_runs;
            len = 0;
        }
    }
    return runs;
}

/* The features of one barb for `speed` (matplotlib's _find_tails: round to 5, then flags
 * of 50, full barbs of 10, a half barb of 5): counted across two columns beside the
 * staff. */
static void barb_features(double speed, int *flags, int *full, int *half, bool *calm)
{
    double x = 0, y = 0.6, u = 0, v = speed;
    nd_array *X = nd_from_f64(&x, 1), *Y = nd_from_f64(&y, 1), *U = nd_from_f64(&u, 1);
    nd_array *V = nd_from_f64(&v, 1);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, -1, 1, -1, 1);
    /* length 12: 8.33 px a unit at 100 dpi; the staff hangs 100 px down from (0, 0.6) with
     * features to its left reaching 40 px (half barbs 20 px) */
    CU_ASSERT_EQUAL(nplot_barbs(ax, U, V, .x = X, .y = Y, .length = 12), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double px, py;
    nplot_data_to_pixel(ax, 0, 0.6, &px, &py);
    int thick_near, thick_far;
    int near_runs = dark_runs(&m, px - 12, py - 30, py + 140, &thick_near, 6);
    int far_runs = dark_runs(&m, px - 30, py - 30, py + 140, &thick_far, 6);
    *flags = thick_far;
    *full = far_runs - thick_far;
    /* calm: a circle around the point, empty inside (the near column cuts it twice) */
    *calm = at(&m, px, py)[0] > 200 && dark_runs(&m, px, py - 30, py + 140, &thick_near, 100) == 2;
    *half = near_runs - far_runs - (*calm ? 2 : 0);
    free(m.px);
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V);
}

static void test_barbs_feature_counts(void)
{
    static const struct { double speed; int flags, full, half; bool calm; } cases[] = {
        { 0, 0, 0, 0, true },  { 2.4, 0, 0, 0, true }, { 2.5, 0, 0, 1, false },
        { 5, 0, 0, 1, false }, { 7, 0, 0, 1, false },  { 8, 0, 1, 0, false },
        { 20, 0, 2, 0, false }, { 35, 0, 3, 1, false }, { 50, 1, 0, 0, false },
        { 65, 1, 1, 1, false }, { 155, 3, 0, 1, false },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        int flags, full, half;
        bool calm;
        barb_features(cases[k].speed, &flags, &full, &half, &calm);
        if (flags != cases[k].flags || full != cases[k].full || half != cases[k].half ||
            calm != cases[k].calm)
            fprintf(stderr, "speed %g: %d flags, %d full, %d half, calm %d\n", cases[k].speed,
                    flags, full, half, calm);
        CU_ASSERT_EQUAL(flags, cases[k].flags);
        CU_ASSERT_EQUAL(full, cases[k].full);
        CU_ASSERT_EQUAL(half, cases[k].half);
        CU_ASSERT_EQUAL(calm, cases[k].calm);
    }
}

/* flip_barb puts the features on the other side of the staff. */
static void test_barbs_flip(void)
{
    double x = 0, y = 0.6, u = 0, v = 20;
    nd_array *X = nd_from_f64(&x, 1), *Y = nd_from_f64(&y, 1), *U = nd_from_f64(&u, 1);
    nd_array *V = nd_from_f64(&v, 1);
    for (int flip = 0; flip < 2; flip++) {
        nplot_figure *fig = nplot_figure_new(.width = 3, .height = 4, .dpi = 100);
        nplot_axes *ax = bare_axes(fig, -1, 1, -1, 1);
        CU_ASSERT_EQUAL(nplot_barbs(ax, U, V, .x = X, .y = Y, .length = 12, .flip_barb = flip),
                        ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double px, py;
        nplot_data_to_pixel(ax, 0, 0.6, &px, &py);
        int thick;
        CU_ASSERT_EQUAL(dark_runs(&m, px - 30, py - 30, py + 140, &thick, 6), flip ? 0 : 2);
        CU_ASSERT_EQUAL(dark_runs(&m, px + 30, py - 30, py + 140, &thick, 6), flip ? 2 : 0);
        free(m.px);
        nplot_figure_free(fig);
    }
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V);
}

/* ---- streamplot -------------------------------------------------------------------------------- */
enum { SN = 25 };
static double sgrid[SN];

/* A swirl around the origin on [-2, 2]², with a source term. */
static void swirl(nd_array **X, nd_array **Y, nd_array **U, nd_array **V)
{
    double u[SN * SN], v[SN * SN];
    for (int i = 0; i < SN; i++) sgrid[i] = -2 + 4.0 * i / (SN - 1);
    for (int j = 0; j < SN; j++)
        for (int i = 0; i < SN; i++) {
            u[j * SN + i] = -sgrid[j] + 0.3 * sgrid[i];
            v[j * SN + i] = sgrid[i] + 0.3 * sgrid[j];
        }
    *X = nd_from_f64(sgrid, SN);
    *Y = nd_from_f64(sgrid, SN);
    *U = grid2(u, SN, SN);
    *V = grid2(v, SN, SN);
}

/* Every point inside the grid; the interior points of each line in density-mask cells no
 * other line enters (matplotlib's grid2mask: round(grid coordinate * (mask - 1) /
 * (grid - 1))). */
static void test_streamplot_domain_and_mask(void)
{
    nd_array *X, *Y, *U, *V, *lines = NULL;
    swirl(&X, &Y, &U, &V);
    for (int k = 0; k < 2; k++) {
        double density = k ? 0.5 : 1.3;
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL_FATAL(nplot_streamplot(ax, X, Y, U, V, .density = density,
                                               .lines_out = &lines), ND_OK);
        CU_ASSERT_EQUAL_FATAL(nd_ndim(lines), 2);
        size_t n = (size_t)nd_shape(lines)[0];
        double *p = malloc(sizeof(double) * 2 * n);
        CU_ASSERT_EQUAL_FATAL(nd_to_f64(lines, p), ND_OK);
        int mn = (int)(30 * density);
        int *owner = calloc((size_t)mn * mn, sizeof(int));
        int line = 1, nlines = 0, shared = 0, outside = 0;
        size_t first = 0;
        for (size_t i = 0; i <= n; i++) {
            if (i < n && !isnan(p[2 * i])) {
                /* grid → data rounding may pass an edge by an ulp or two */
                if (!(fabs(p[2 * i]) <= 2 + 1e-12 && fabs(p[2 * i + 1]) <= 2 + 1e-12)) outside++;
                continue;
            }
            /* the line first .. i-1, its end points excluded (they may be the last Euler
             * step onto the edge, which claims no cell) */
            for (size_t j = first + 1; j + 1 < i; j++) {
                double gx = (p[2 * j] + 2) / 4 * (SN - 1), gy = (p[2 * j + 1] + 2) / 4 * (SN - 1);
                int mx = (int)(gx * (mn - 1) / (SN - 1) + 0.5), my = (int)(gy * (mn - 1) / (SN - 1) + 0.5);
                int *o = &owner[my * mn + mx];
                if (*o && *o != line) shared++;
                *o = line;
            }
            nlines++;
            line++;
            first = i + 1;
        }
        CU_ASSERT_EQUAL(outside, 0);
        CU_ASSERT_EQUAL(shared, 0);
        CU_ASSERT(nlines > (k ? 4 : 15));
        free(owner);
        free(p);
        nd_free(lines);
        nplot_figure_free(fig);
    }
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V);
}

/* A start point's line passes through it (the backward half ends there, the forward half
 * leaves from it); one line per start point inside a field without stagnation (a start
 * in a corner the flow leaves on both sides would be too short, as in matplotlib). */
static void test_streamplot_start_points(void)
{
    nd_array *X, *Y, *U, *V, *lines = NULL;
    swirl(&X, &Y, &U, &V);
    double sp[3][2] = { { 0.5, 0.5 }, { -1.5, 1 }, { 1.5, -1 } };
    nd_array *S = grid2(&sp[0][0], 3, 2);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL_FATAL(nplot_streamplot(ax, X, Y, U, V, .start_points = S, .lines_out = &lines,
                                           .broken_streamlines = NPLOT_OFF), ND_OK);
    size_t n = (size_t)nd_shape(lines)[0];
    double *p = malloc(sizeof(double) * 2 * n);
    CU_ASSERT_EQUAL_FATAL(nd_to_f64(lines, p), ND_OK);
    for (int s = 0; s < 3; s++) {
        bool hit = false;
        for (size_t i = 0; i < n; i++)
            hit |= fabs(p[2 * i] - sp[s][0]) < 1e-9 && fabs(p[2 * i + 1] - sp[s][1]) < 1e-9;
        CU_ASSERT(hit);
    }
    int seps = 0;
    for (size_t i = 0; i < n; i++) seps += isnan(p[2 * i]);
    CU_ASSERT_EQUAL(seps, 2);
    free(p);
    nd_free(lines);
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V), nd_free(S);
}

/* 2-D x and y (a meshgrid) trace the same lines as their first row and column. */
static void test_streamplot_meshgrid_input(void)
{
    nd_array *X, *Y, *U, *V, *l1 = NULL, *l2 = NULL;
    swirl(&X, &Y, &U, &V);
    double gx[SN * SN], gy[SN * SN];
    for (int k = 0; k < SN * SN; k++) gx[k] = sgrid[k % SN], gy[k] = sgrid[k / SN];
    nd_array *GX = grid2(gx, SN, SN), *GY = grid2(gy, SN, SN);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *axs[2];
    CU_ASSERT_EQUAL_FATAL(nplot_subplots(fig, 1, 2, axs), ND_OK);
    CU_ASSERT_EQUAL(nplot_streamplot(axs[0], X, Y, U, V, .lines_out = &l1), ND_OK);
    CU_ASSERT_EQUAL(nplot_streamplot(axs[1], GX, GY, U, V, .lines_out = &l2), ND_OK);
    CU_ASSERT_FATAL(l1 && l2);
    CU_ASSERT_EQUAL(nd_array_equal(l1, l2, true), 1);
    nplot_figure_free(fig);
    /* the rows of a 2-D x must repeat */
    gx[3 * SN + 4] += 0.5;
    nd_array *BX = grid2(gx, SN, SN);
    fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_streamplot(ax, BX, GY, U, V), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "rows of x must be equal"));
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V), nd_free(GX), nd_free(GY), nd_free(BX);
    nd_free(l1), nd_free(l2);
}

/* The view is the grid: its edges are sticky, so no margin reaches past them. */
static void test_streamplot_view_is_grid(void)
{
    nd_array *X, *Y, *U, *V;
    swirl(&X, &Y, &U, &V);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_streamplot(ax, X, Y, U, V), ND_OK);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -2, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 2, 1e-12);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -2, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 2, 1e-12);
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V);
}

/* Degenerate but valid input draws nothing and fails nothing: a zero field has no
 * streamlines, all-NaN or empty U no arrows, a lone 0-d vector one arrow. */
static void test_degenerate_input(void)
{
    double z[9] = { 0 }, nan3[3] = { NAN, NAN, NAN }, g[3] = { 0, 1, 2 }, one = 1;
    nd_array *Z = grid2(z, 3, 3), *G = nd_from_f64(g, 3), *N3 = nd_from_f64(nan3, 3);
    nd_array *E = nd_from_f64(z, 0), *S = nd_from_buffer(&one, 0, NULL, ND_FLOAT64), *lines = NULL;
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 2, .dpi = 50);
    nplot_axes *axs[4];
    CU_ASSERT_EQUAL_FATAL(nplot_subplots(fig, 1, 4, axs), ND_OK);
    CU_ASSERT_EQUAL(nplot_streamplot(axs[0], G, G, Z, Z, .lines_out = &lines), ND_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lines);
    CU_ASSERT_EQUAL(nd_shape(lines)[0], 0);
    CU_ASSERT_EQUAL(nplot_quiver(axs[1], N3, N3), ND_OK);
    CU_ASSERT_EQUAL(nplot_quiver(axs[2], E, E), ND_OK);
    CU_ASSERT_EQUAL(nplot_quiverkey(axs[2], 0.5, 0.5, 1, "empty"), ND_OK);
    CU_ASSERT_EQUAL(nplot_quiver(axs[3], S, S, .color = "red", .width = 0.1), ND_OK);
    CU_ASSERT_EQUAL(nplot_barbs(axs[3], S, S), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL(m.px);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    int red = 0;
    for (int y = 0; m.px && y < m.h; y++)
        for (int x = 0; x < m.w; x++) red += near(at(&m, x, y), 255, 0, 0, 60);
    CU_ASSERT(red > 0); /* the 0-d vector's arrow */
    free(m.px);
    nplot_figure_free(fig);
    nd_free(Z), nd_free(G), nd_free(N3), nd_free(E), nd_free(S), nd_free(lines);
}

/* ---- bad input ----------------------------------------------------------------------------- */
static void expect_error(nd_status st, nd_status code, const char *needle)
{
    CU_ASSERT_EQUAL(st, code);
    if (needle && !strstr(nd_errmsg(), needle)) fprintf(stderr, "message: %s\n", nd_errmsg());
    if (needle) CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), needle));
}

static void test_bad_input(void)
{
    double d[12] = { 0 };
    nd_array *a23 = grid2(d, 2, 3), *a32 = grid2(d, 3, 2), *v4 = nd_from_f64(d, 4);
    nd_array *v6 = nd_from_f64(d, 6), *v5 = nd_from_f64(d, 5);
    nplot_figure *fig;
    nplot_axes *ax;
#define FRESH() (fig = nplot_figure_new(), ax = nplot_subplot(fig, 1, 1, 1))
    FRESH();
    expect_error(nplot_quiver(ax, a23, a32), ND_ESHAPE, "(2, 3) and (3, 2)");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiver(ax, a23, a23, .x = v4, .y = v5), ND_ESHAPE, "4 and 5");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiver(ax, a23, a23, .x = v5, .y = v5), ND_ESHAPE, "hold 5 positions");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiver(ax, a23, a23, .c = v5), ND_ESHAPE, "C has shape (5,)");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiver(ax, a23, a23, .units = "furlongs"), ND_EVALUE, "'furlongs'");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiver(ax, a23, a23, .pivot = "head"), ND_EVALUE, "'head'");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiver(ax, a23, a23, .angles = "ij"), ND_EVALUE, "'ij'");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiver(ax, a23, a23, .width = -1), ND_EVALUE, ">= 0");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiver(ax, NULL, a23), ND_EVALUE, "required");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_quiverkey(ax, 0.5, 0.5, 1, "k"), ND_EVALUE, "no quiver");
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_quiver(ax, a23, a23), ND_OK);
    expect_error(nplot_quiverkey(ax, 0.5, 0.5, 1, "k", .labelpos = "NE"), ND_EVALUE, "'NE'");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_barbs(ax, v6, a23), ND_ESHAPE, "(6,) and (2, 3)");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_barbs(ax, a23, a23, .pivot = "tail"), ND_EVALUE, "'tail'");
    nplot_figure_free(fig);
    /* streamplot */
    double g3[3] = { 0, 1, 2 }, g4[4] = { 0, 1, 2, 4 }, gdec[3] = { 0, 2, 1 };
    nd_array *x3 = nd_from_f64(g3, 3), *x4 = nd_from_f64(g4, 4), *xd = nd_from_f64(gdec, 3);
    nd_array *y2 = nd_from_f64(g3, 2);
    double spo[2] = { 5, 0 };
    nd_array *sp = grid2(spo, 1, 2);
    FRESH();
    expect_error(nplot_streamplot(ax, x3, y2, a32, a32), ND_ESHAPE, "(2, 3), got (3, 2)");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_streamplot(ax, x4, y2, a23, a23), ND_EVALUE, "equally spaced");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_streamplot(ax, xd, y2, a23, a23), ND_EVALUE, "strictly increasing");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_streamplot(ax, x3, y2, a23, a23, .start_points = sp), ND_EVALUE,
                 "(5, 0) is outside");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_streamplot(ax, x3, y2, a23, a23, .c = a32), ND_ESHAPE, "c must have");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_streamplot(ax, x3, y2, a23, a23, .density = 0.05), ND_EVALUE, "mask");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_streamplot(ax, x3, y2, a23, a23, .arrowstyle = "<->"), ND_EVALUE, "'<->'");
    nplot_figure_free(fig);
    FRESH();
    expect_error(nplot_streamplot(ax, x3, y2, a23, a23, .integration_direction = "up"), ND_EVALUE,
                 "'up'");
    nplot_figure_free(fig);
#undef FRESH
    nd_free(a23), nd_free(a32), nd_free(v4), nd_free(v6), nd_free(v5);
    nd_free(x3), nd_free(x4), nd_free(xd), nd_free(y2), nd_free(sp);
}

/* ---- allocation failures ---------------------------------------------------------------------- */
typedef struct oom_scene {
    nd_array *x, *u, *v, *c, *start;
} oom_scene;

/* Build and render every kind of this file; each failed allocation must come back as
 * ND_ENOMEM (from the builder or from the render, through the figure's status) and
 * nothing may leak. */
static nd_status oom_body(void *ctx)
{
    const oom_scene *sc = ctx;
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 40);
    if (!fig) return nd_last_error();
    nplot_axes *axs[3] = { 0 };
    nd_array *lines = NULL;
    nd_status st = nplot_subplots(fig, 1, 3, axs);
    if (!st) st = nplot_quiver(axs[0], sc->u, sc->v, .x = sc->x, .y = sc->x, .c = sc->c);
    if (!st) st = nplot_quiverkey(axs[0], 0.5, 1.05, 1, "$1$ m/s");
    if (!st) st = nplot_barbs(axs[1], sc->u, sc->v, .c = sc->c);
    if (!st) st = nplot_streamplot(axs[2], sc->x, sc->x, sc->u, sc->v, .c = sc->c,
                                   .linewidths = sc->c, .lines_out = &lines, .density = 0.3);
    if (!st) st = nplot_streamplot(axs[2], sc->x, sc->x, sc->u, sc->v, .start_points = sc->start);
    if (!st) {
        int w, h;
        nplot_figure_pixel_size(fig, &w, &h);
        unsigned char *rgba = malloc((size_t)w * h * 4); /* not through the hooks */
        st = rgba ? nplot_figure_render_rgba(fig, rgba, w, h, 4 * w) : ND_EVALUE;
        free(rgba);
    }
    nd_status code = nd_last_error();
    nd_free(lines);
    nplot_figure_free(fig);
    if (st) nd_set_error(code, "%s", "the failure of the scene");
    return st;
}

static void test_allocation_failures(void)
{
    enum { N = 6 };
    double g[N], u[N * N], v[N * N], c[N * N], start[2] = { 0.5, 0.5 };
    for (int i = 0; i < N; i++) g[i] = i;
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++) {
            u[j * N + i] = 10 * (1 + j) - 3 * i;
            v[j * N + i] = 4 * i + 1;
            c[j * N + i] = 1 + 0.1 * i;
        }
    oom_scene sc = { nd_from_f64(g, N), grid2(u, N, N), grid2(v, N, N), grid2(c, N, N),
                     grid2(start, 1, 2) };
    faultsim_report r = faultsim_run("vector fields", oom_body, &sc);
    if (!r.ok) fprintf(stderr, "%s\n", r.why);
    CU_ASSERT(r.ok);
    CU_ASSERT(r.runs > 20);
    nd_free(sc.x), nd_free(sc.u), nd_free(sc.v), nd_free(sc.c), nd_free(sc.start);
}

/* Vector targets: every kind with alpha (raster targets group such shapes; SVG and PDF
 * draw them directly) writes a valid file whose paths carry the shapes. */
static void test_svg_and_pdf(void)
{
    enum { N = 6 };
    double g[N], u[N * N], v[N * N];
    for (int i = 0; i < N; i++) g[i] = i;
    for (int k = 0; k < N * N; k++) u[k] = 5 + 7 * (k % N), v[k] = 3.0 * (k / N) - 4;
    nd_array *X = nd_from_f64(g, N), *U = grid2(u, N, N), *V = grid2(v, N, N);
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 2);
    nplot_axes *axs[3];
    CU_ASSERT_EQUAL_FATAL(nplot_subplots(fig, 1, 3, axs), ND_OK);
    CU_ASSERT_EQUAL(nplot_quiver(axs[0], U, V, .x = X, .y = X, .angles = "xy", .alpha = 0.5), ND_OK);
    CU_ASSERT_EQUAL(nplot_quiverkey(axs[0], 0.5, 1.05, 10, "10", .labelpos = "W"), ND_OK);
    CU_ASSERT_EQUAL(nplot_barbs(axs[1], U, V, .alpha = 0.5), ND_OK);
    CU_ASSERT_EQUAL(nplot_streamplot(axs[2], X, X, U, V, .linewidths = U), ND_OK);
    char path[128];
    snprintf(path, sizeof path, "%s/vectors.svg", tmpdir);
    CU_ASSERT_EQUAL(nplot_savefig(fig, path), ND_OK);
    char *svg = read_file(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT(count_substr(svg, "<path") > 2 * N * N); /* arrows, barbs, stream segments */
    free(svg);
    snprintf(path, sizeof path, "%s/vectors.pdf", tmpdir);
    CU_ASSERT_EQUAL(nplot_savefig(fig, path), ND_OK);
    size_t len = 0;
    char *pdf = read_file(path, &len);
    CU_ASSERT(pdf && len > 1000 && !memcmp(pdf, "%PDF", 4));
    free(pdf);
    nplot_figure_free(fig);
    nd_free(X), nd_free(U), nd_free(V);
}

/* ---- golden images ------------------------------------------------------------------------- */
static void golden(nplot_figure *fig, const char *name)
{
    char ref[256], out[256];
    snprintf(ref, sizeof ref, GOLDEN "/%s.png", name);
    bool regen = golden_output(out, sizeof out, GOLDEN, tmpdir, name);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    if (regen) return;
    double rms = image_rms(ref, out);
    if (!(rms >= 0 && rms <= 4.0)) fprintf(stderr, "golden %s: RMS %g\n", name, rms);
    CU_ASSERT(rms >= 0 && rms <= 4.0);
}

/* The scenes of scripts/mpl_vector_reference.py at 4.8 x 3.6 in, 80 dpi. */
static void test_golden_quiver(void)
{
    enum { NX = 10, NY = 8 };
    double x[NX], y[NY], u[NY * NX], v[NY * NX], c[NY * NX];
    for (int i = 0; i < NX; i++) x[i] = i * 2 * M_PI / (NX - 1);
    for (int j = 0; j < NY; j++) y[j] = j * 2 * M_PI / (NY - 1);
    for (int j = 0; j < NY; j++)
        for (int i = 0; i < NX; i++) {
            u[j * NX + i] = cos(x[i]) * (1 + 0.3 * sin(y[j]));
            v[j * NX + i] = sin(y[j]);
            c[j * NX + i] = hypot(u[j * NX + i], v[j * NX + i]);
        }
    nd_array *X = nd_from_f64(x, NX), *Y = nd_from_f64(y, NY), *U = grid2(u, NY, NX);
    nd_array *V = grid2(v, NY, NX), *C = grid2(c, NY, NX);
    nplot_figure *fig = nplot_figure_new(.width = 4.8, .height = 3.6, .dpi = 80);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_quiver(ax, U, V, .x = X, .y = Y, .c = C), ND_OK);
    CU_ASSERT_EQUAL(nplot_quiverkey(ax, 0.9, 1.05, 1, "1 m/s", .labelpos = "E"), ND_OK);
    nplot_set_title(ax, "quiver");
    golden(fig, "vector_quiver");
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V), nd_free(C);
}

static void test_golden_barbs(void)
{
    double sp[12] = { 0, 3, 5, 10, 15, 20, 45, 50, 65, 80, 105, 155 };
    double bu[12], bv[12], bx[12], by[12];
    for (int i = 0; i < 12; i++) {
        bu[i] = sp[i] * cos(i * 0.5);
        bv[i] = sp[i] * sin(i * 0.5);
        bx[i] = i % 4;
        by[i] = i / 4;
    }
    nd_array *X = nd_from_f64(bx, 12), *Y = nd_from_f64(by, 12), *U = nd_from_f64(bu, 12);
    nd_array *V = nd_from_f64(bv, 12);
    nplot_figure *fig = nplot_figure_new(.width = 4.8, .height = 3.6, .dpi = 80);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_barbs(ax, U, V, .x = X, .y = Y), ND_OK);
    nplot_set_xlim(ax, -1, 4);
    nplot_set_ylim(ax, -1, 3);
    golden(fig, "vector_barbs");
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(U), nd_free(V);
}

static void test_golden_streamplot(void)
{
    enum { N = 40 };
    double s[N], u[N * N], v[N * N], sp[N * N];
    for (int i = 0; i < N; i++) s[i] = -3 + 6.0 * i / (N - 1);
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++) {
            u[j * N + i] = -1 - s[i] * s[i] + s[j];
            v[j * N + i] = 1 + s[i] - s[j] * s[j];
            sp[j * N + i] = hypot(u[j * N + i], v[j * N + i]);
        }
    nd_array *X = nd_from_f64(s, N), *U = grid2(u, N, N), *V = grid2(v, N, N);
    nd_array *C = grid2(sp, N, N);
    nplot_figure *fig = nplot_figure_new(.width = 4.8, .height = 3.6, .dpi = 80);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_streamplot(ax, X, X, U, V, .c = C, .linewidth = 1), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    golden(fig, "vector_stream");
    nplot_figure_free(fig);
    nd_free(X), nd_free(U), nd_free(V), nd_free(C);
}

static const ND_TEST tests[] = {
    ND_T(test_quiver_xy_tip_lands_on_target),
    ND_T(test_quiver_pivots),
    ND_T(test_quiver_autoscale_single_arrow),
    ND_T(test_quiver_position_forms),
    ND_T(test_quiver_physical_units),
    ND_T(test_quiver_colors_by_array),
    ND_T(test_quiverkey_matches_quiver_scale),
    ND_T(test_quiverkey_coordinates),
    ND_T(test_barbs_feature_counts),
    ND_T(test_barbs_flip),
    ND_T(test_streamplot_domain_and_mask),
    ND_T(test_streamplot_start_points),
    ND_T(test_streamplot_meshgrid_input),
    ND_T(test_streamplot_view_is_grid),
    ND_T(test_degenerate_input),
    ND_T(test_bad_input),
    ND_T(test_allocation_failures),
    ND_T(test_svg_and_pdf),
    ND_T(test_golden_quiver),
    ND_T(test_golden_barbs),
    ND_T(test_golden_streamplot),
    { 0 },
};

ND_TEST_MAIN_TMPDIR("plot_vector", tests, tmpdir, "plot-vector")
