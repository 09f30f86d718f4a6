/* libnumc_plot's polar axes (issue 20): where (theta, r) lands in pixels, the r limits and
 * the r / theta ticks against matplotlib's (tests/data/plot/mpl_polar_fixtures.py wrote
 * tests/data/plot/polar.txt), pixels of bars drawn as sectors, fills, clipping to the
 * circle, thetagrids / rgrids, bad input, and the example's scene against its golden
 * image and matplotlib's rendering (tests/data/plot/mpl_polar_reference.py). */
#define _GNU_SOURCE
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faultsim.h"
#include "fixture.h"
#include "plot_image.h"
#include "testutil.h"

#define FIX NUMC_TEST_DATA "/plot/polar.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"

#define main polar_example
#include "../examples/polar.c"
#undef main

static const double PI = 3.14159265358979323846;

/* The fixture scenes: a 6.4 x 4.8 in, 100 dpi figure with one polar subplot. */
static nplot_axes *scene(nplot_figure *fig, const char *name)
{
    nplot_axes *ax = nplot_subplot_polar(fig, 1, 1, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
    double t[50], r[50];
    for (int i = 0; i < 50; i++) {
        t[i] = 2 * PI * i / 49;
        r[i] = 1 + 0.5 * sin(3 * t[i]) + 0.5;
    }
    if (!strcmp(name, "annulus"))
        for (int i = 0; i < 50; i++) r[i] = 2 + cos(t[i]);
    if (!strcmp(name, "sector")) {
        double st[3] = { 0.3, 1, 2 }, sr[3] = { 1, 2, 3 };
        CU_ASSERT_EQUAL(nplot_scatter_xy(ax, st, sr, 3), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_thetamin(ax, 0), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_thetamax(ax, 135), ND_OK);
        return ax;
    }
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, t, r, 50), ND_OK);
    if (!strcmp(name, "northcw")) {
        CU_ASSERT_EQUAL(nplot_set_theta_zero_location(ax, "N", 0), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_theta_direction(ax, -1), ND_OK);
    } else if (!strcmp(name, "offset")) {
        CU_ASSERT_EQUAL(nplot_set_theta_zero_location(ax, "W", 10), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_rmax(ax, 3), ND_OK);
    } else if (!strcmp(name, "annulus")) {
        CU_ASSERT_EQUAL(nplot_set_rmin(ax, 1), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_rorigin(ax, -1), ND_OK);
    }
    return ax;
}

/* Positions, r limits, r ticks, theta ticks and labels of each scene are matplotlib's. */
static void test_transform_limits_ticks_match_matplotlib(void)
{
    static const char *names[] = { "default", "northcw", "offset", "sector", "annulus" };
    static const double pts[5][8] = {
        { 0, 1, PI / 2, 1, PI / 4, 1.5, 2.0, 0.5 },
        { 0, 1, PI / 2, 1, PI / 4, 1.5, 2.0, 0.5 },
        { 0, 1, PI / 2, 1, PI / 4, 1.5, 2.0, 0.5 },
        { 0, 1, 1, 2, 2, 3, 0.5, 0 },
        { 0, 1, PI, 3, 1, 2, 0, 0 },
    };
    for (int c = 0; c < 5; c++) {
        nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
        nplot_axes *ax = scene(fig, names[c]);
        CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(fig), ND_OK);
        char key[64];
        double e[16];
        snprintf(key, sizeof key, "%s_px", names[c]);
        int np = fixture_values(FIX, key, e, 16) / 2;
        CU_ASSERT_FATAL(np >= 3);
        for (int i = 0; i < np; i++) {
            double px, py;
            CU_ASSERT_EQUAL(nplot_data_to_pixel(ax, pts[c][2 * i], pts[c][2 * i + 1], &px, &py), ND_OK);
            /* the polar box is not snapped to pixels (as matplotlib) */
            CU_ASSERT_DOUBLE_EQUAL(px, e[2 * i], 1e-6);
            CU_ASSERT_DOUBLE_EQUAL(py, e[2 * i + 1], 1e-6);
        }
        double lo, hi;
        snprintf(key, sizeof key, "%s_rlim", names[c]);
        CU_ASSERT_EQUAL_FATAL(fixture_values(FIX, key, e, 2), 2);
        CU_ASSERT_EQUAL(nplot_get_ylim(ax, &lo, &hi), ND_OK);
        CU_ASSERT_DOUBLE_EQUAL(lo, e[0], 1e-9);
        CU_ASSERT_DOUBLE_EQUAL(hi, e[1], 1e-9);
        double got[32];
        snprintf(key, sizeof key, "%s_rticks", names[c]);
        int ne = fixture_values(FIX, key, e, 16);
        int ng = nplot_get_yticks(ax, got, 32);
        CU_ASSERT_EQUAL(ng, ne);
        for (int i = 0; i < ne && i < ng; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], e[i], 1e-9);
        snprintf(key, sizeof key, "%s_tticks", names[c]);
        ne = fixture_values(FIX, key, e, 16);
        if (c == 3) ne--; /* matplotlib lists 150°, outside the 0..135 sector */
        ng = nplot_get_xticks(ax, got, 32);
        CU_ASSERT_EQUAL(ng, ne);
        for (int i = 0; i < ne && i < ng; i++) {
            CU_ASSERT_DOUBLE_EQUAL(got[i] * 180 / PI, e[i], 1e-9);
            char want[32];
            snprintf(want, sizeof want, "%.0f\u00b0", e[i]);
            CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, i), want);
        }
        nplot_figure_free(fig);
    }
}

/* A marker lands at its (theta, r); a bar is an annular sector (its outer edge an arc, so
 * a point between the chord and the arc is filled); the axes is white outside the bar and
 * nothing is drawn outside the circle. */
static void test_pixels_bar_sector_and_clip(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 5, .dpi = 100);
    nplot_axes *ax = nplot_subplot_polar(fig, 1, 1, 1);
    double bt = 0, bh = 1;
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, &bt, &bh, 1, .width = 1.2, .color = "red"), ND_OK);
    double st[2] = { PI, PI / 4 }, sr[2] = { 1, 2.3 }; /* the second beyond rmax: masked */
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, st, sr, 2, .color = "blue", .s = 100), ND_OK);
    /* a line from r 1 to r 5 at 90°: beyond rmax it is clipped */
    double lt[2] = { PI / 2, PI / 2 }, lr[2] = { 1, 5 };
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, lt, lr, 2, .color = "lime", .linewidth = 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_rmax(ax, 2), ND_OK);
    nplot_set_rticks(ax, NULL, 0);
    nplot_thetagrids(ax, NULL, 0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, PI, 1), 0x0000ff, 30));
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, PI / 4, 2.3), 0xffffff, 5));
    /* chord of the bar's outer edge at its middle: cos(0.6) = 0.825 of r 1 */
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, 0, 0.93), 0xff0000, 30));
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, 0.55, 0.9), 0xff0000, 30));
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, 0.7, 0.9), 0xffffff, 5));
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, 0, 1.1), 0xffffff, 5));
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, PI / 2, 1.8), 0x00ff00, 30));
    double cx, cy, ex, ey;
    nplot_data_to_pixel(ax, 0, 0, &cx, &cy);
    nplot_data_to_pixel(ax, PI / 2, 2, &ex, &ey);
    CU_ASSERT_TRUE(near_rgb(at(&m, cx, ey - 6), 0xffffff, 5)); /* beyond the rim */
    CU_ASSERT_DOUBLE_EQUAL(ex, cx, 1e-9);
    free(m.px);
    nplot_figure_free(fig);
}

/* fill_between between two radii over a quarter turn fills the band, not the inside. */
static void test_fill_between_band(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot_polar(fig, 1, 1, 1);
    double t[25], r1[25], r2[25];
    for (int i = 0; i < 25; i++) {
        t[i] = PI / 2 * i / 24;
        r1[i] = 1;
        r2[i] = 2;
    }
    nd_array *T = nd_from_f64(t, 25), *A = nd_from_f64(r1, 25), *B = nd_from_f64(r2, 25);
    CU_ASSERT_EQUAL(nplot_fill_between(ax, T, A, B, .color = "red"), ND_OK);
    nplot_set_rmax(ax, 2.5);
    nplot_set_rticks(ax, NULL, 0);
    nplot_thetagrids(ax, NULL, 0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, PI / 4, 1.5), 0xff0000, 30));
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, PI / 4, 0.5), 0xffffff, 5));
    CU_ASSERT_TRUE(near_rgb(at_data(&m, ax, 3 * PI / 4, 1.5), 0xffffff, 5));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(T), nd_free(A), nd_free(B);
}

/* thetagrids with labels or a degree format, rgrids with labels, a format and an angle;
 * a gridspec subplot made polar by nplot_set_projection. */
static void test_grids_and_projection(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot_polar(fig, 1, 2, 1);
    double a[4] = { 0, 90, 180, 270 };
    CU_ASSERT_EQUAL(nplot_thetagrids(ax, a, 4, .labels = NPLOT_STRS("E", "N", "W", "S")), ND_OK);
    double rr[2] = { 0.5, 1 };
    CU_ASSERT_EQUAL(nplot_rgrids(ax, rr, 2, .fmt = "%.1f m", .angle = 45), ND_OK);
    nplot_gridspec *gs = nplot_gridspec_new(fig, 1, 2);
    nplot_axes *bx = nplot_gridspec_subplot(gs, "0, 1");
    CU_ASSERT_FALSE(nplot_is_polar(bx));
    CU_ASSERT_EQUAL(nplot_set_projection(bx, "polar"), ND_OK);
    CU_ASSERT_TRUE(nplot_is_polar(bx));
    CU_ASSERT_EQUAL(nplot_thetagrids(bx, a, 4, .fmt = "%.0f deg"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rgrids(bx, rr, 2, .labels = NPLOT_STRS("half", "one")), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 1), "N");
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(ax, 0), "0.5 m");
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(bx, 3), "270 deg");
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(bx, 1), "one");
    /* the box is square and centred in its cell */
    double x0, y0, x1, y1;
    CU_ASSERT_EQUAL(nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(x1 - x0, y1 - y0, 1e-9);
    nplot_figure_free(fig);
}

/* Bad input: clear errors, never a crash. */
static void test_bad_input(void)
{
    struct {
        const char *what;
        const char *msg;
    } cases[] = {
        { "log theta", "cannot be set on a polar plot" },
        { "log r", "the r axis of a polar axes is linear" },
        { "equal sector", "thetamin (45) must be below thetamax (45)" },
        { "reversed sector", "thetamin (90) must be below thetamax (10)" },
        { "over a circle", "at most a full circle" },
        { "nan sector", "must be finite" },
        { "direction", "direction must be 1" },
        { "zero location", "unknown location 'Q'" },
        { "rectilinear", "the axes is not polar" },
        { "projection name", "unknown projection 'mollweide'" },
        { "projection late", "chosen on a new axes" },
        { "rlim", "rmin (2) must be below rmax (1)" },
        { "fmt", "exactly one double conversion" },
        { "labels", "labels" },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
        nplot_axes *ax = nplot_subplot_polar(fig, 1, 1, 1);
        nplot_axes *rect = nplot_add_axes(fig, 0, 0, 0.1, 0.1);
        double a[2] = { 0, 90 }, x[2] = { 1, 2 };
        nd_status st = ND_OK;
        switch (c) {
        case 0: st = nplot_set_xscale(ax, "log"); break;
        case 1: st = nplot_set_yscale(ax, "log"); break;
        case 2: st = nplot_set_thetalim(ax, 45, 45); break;
        case 3: st = nplot_set_thetalim(ax, 90, 10); break;
        case 4: st = nplot_set_thetalim(ax, 0, 400); break;
        case 5: st = nplot_set_thetamax(ax, NAN); break;
        case 6: st = nplot_set_theta_direction(ax, 2); break;
        case 7: st = nplot_set_theta_zero_location(ax, "Q", 0); break;
        case 8: st = nplot_set_rmax(rect, 3); break;
        case 9: st = nplot_set_projection(rect, "mollweide"); break;
        case 10:
            nplot_plot_xy(rect, x, x, 2);
            st = nplot_set_projection(rect, "polar");
            break;
        case 11:
            nplot_set_rmin(ax, 2);
            st = nplot_set_rmax(ax, 1);
            break;
        case 12: st = nplot_thetagrids(ax, a, 2, .fmt = "%d"); break;
        case 13: st = nplot_rgrids(ax, x, 2, .labels = NPLOT_STRS("one")); break;
        }
        CU_ASSERT_EQUAL(st, ND_EVALUE);
        if (!strstr(nd_errmsg(), cases[c].msg))
            fprintf(stderr, "%s: unexpected message '%s'\n", cases[c].what, nd_errmsg());
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), cases[c].msg));
        /* the figure keeps the error and still renders nothing rather than crashing */
        CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EVALUE);
        nplot_figure_free(fig);
    }
    CU_ASSERT_PTR_NULL(nplot_subplot_polar(NULL, 1, 1, 1));
    CU_ASSERT_FALSE(nplot_is_polar(NULL));
    CU_ASSERT_EQUAL(nplot_set_rmax(NULL, 1), ND_EVALUE);
}

/* ---- golden image ---------------------------------------------------------------------------------- */
/* numc's rendering of the example against the reviewed golden image, and against
 * matplotlib's own rendering of the scene (tests/data/plot/polar_mpl.png: the difference
 * left is antialiasing and numc's whole-pixel axes boxes). */
static void test_golden_polar(void)
{
    char dir[64] = "/tmp/plot-polar-XXXXXX", out[256];
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    bool regen = golden_output(out, sizeof out, GOLDEN, dir, "polar");
    char *argv[] = { "polar", regen ? GOLDEN : dir, NULL };
    CU_ASSERT_EQUAL_FATAL(polar_example(2, argv), 0);
    if (!regen) {
        double rms = image_rms(GOLDEN "/polar.png", out);
        if (!(rms >= 0 && rms <= 4.0)) fprintf(stderr, "golden polar: RMS %g\n", rms);
        CU_ASSERT(rms >= 0 && rms <= 4.0);
        double mpl = image_rms(GOLDEN "/polar_mpl.png", out);
        if (!(mpl >= 0 && mpl <= 21.0)) fprintf(stderr, "polar vs matplotlib: RMS %g\n", mpl);
        CU_ASSERT(mpl >= 0 && mpl <= 21.0);
        remove(out);
    }
    rmdir(dir);
}

/* ---- allocation failures ------------------------------------------------------------------- */
/* Every allocation of a polar figure (projection, plot with markers, scatter, bar sectors,
 * fill_between, thetagrids / rgrids, the render) failing in turn: each run ends in
 * ND_ENOMEM or succeeds, and frees everything. */
static nd_status polar_body(void *ctx)
{
    (void)ctx;
    double t[8], r[8];
    for (int i = 0; i < 8; i++) {
        t[i] = i * 0.7;
        r[i] = 1 + 0.25 * i;
    }
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 50);
    nd_status st = fig ? ND_OK : ND_ENOMEM;
    unsigned char *rgba = NULL;
    if (!st) {
        nplot_axes *ax = nplot_subplot_polar(fig, 1, 2, 1);
        nplot_axes *bx = nplot_subplot_polar(fig, 1, 2, 2);
        nplot_plot_xy(ax, t, r, 8, .fmt = "o-");
        nplot_scatter_xy(ax, t, r, 8);
        nplot_bar_xy(bx, t, r, 8, .width = 0.5);
        nplot_set_thetalim(bx, 0, 270);
        double a[3] = { 0, 90, 180 };
        nplot_thetagrids(ax, a, 3, .labels = NPLOT_STRS("a", "b", "c"));
        nplot_rgrids(bx, r, 3, .fmt = "%.2f");
        nplot_set_title(ax, "polar");
        st = nplot_figure_status(fig);
        int wd, ht;
        if (!st) st = nplot_figure_pixel_size(fig, &wd, &ht);
        if (!st && !(rgba = malloc((size_t)wd * ht * 4))) st = ND_ENOMEM;
        if (!st) st = nplot_figure_render_rgba(fig, rgba, wd, ht, wd * 4);
        if (st) nd_set_error(st, "%s", nplot_figure_errmsg(fig)[0] ? nplot_figure_errmsg(fig) : nd_errmsg());
    } else {
        nd_set_error(ND_ENOMEM, "polar_body: setup");
    }
    free(rgba);
    nplot_figure_free(fig);
    return st;
}

static void test_allocation_failures(void)
{
    faultsim_report r = faultsim_run("polar", polar_body, NULL);
    CU_ASSERT(r.ok);
    if (!r.ok) printf("\n%s\n", r.why);
    CU_ASSERT(r.runs > 20);
}

static const ND_TEST tests[] = {
    ND_T(test_transform_limits_ticks_match_matplotlib),
    ND_T(test_pixels_bar_sector_and_clip),
    ND_T(test_fill_between_band),
    ND_T(test_grids_and_projection),
    ND_T(test_bad_input),
    ND_T(test_golden_polar),
    ND_T(test_allocation_failures),
    { 0 },
};

ND_TEST_MAIN("plot_polar", tests)
