/* libnumc_plot 2-D histograms and meshes (issue 19): hist2d against numpy.histogram2d and
 * matplotlib's hist2d (tests/data/plot/mesh_hist2d.txt from scripts/gen_mesh_fixtures.py),
 * pcolormesh on curvilinear grids with flat / nearest / gouraud shading (pixels at known
 * places), imshow bilinear / bicubic against matplotlib's rendering of the same image,
 * per-pixel alpha, bad input, and golden images (tests/data/plot/mesh_*.png, reviewed next
 * to scripts/mpl_mesh_reference.py's renderings; NPLOT_REGEN=1 rewrites them). */
#define _POSIX_C_SOURCE 200809L
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "faultsim.h"
#include "fixture.h"
#include "plot_image.h"
#include "testutil.h"

#define FIX NUMC_TEST_DATA "/plot/mesh_hist2d.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"

static nd_array *grid(const double *v, ptrdiff_t r, ptrdiff_t c)
{
    return nd_from_buffer(v, 2, (ptrdiff_t[]){ r, c }, ND_FLOAT64);
}

/* The value of channel 0 (red) at data point (x, y). */
static int red_at(const img *m, nplot_axes *ax, double x, double y)
{
    return at_data(m, ax, x, y)[0];
}

/* ---- hist2d -------------------------------------------------------------------------------- */
static void test_hist2d_counts_and_edges_match_numpy(void)
{
    nd_array *x = fixture_load(FIX, "x"), *y = fixture_load(FIX, "y"), *w = fixture_load(FIX, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    nd_array *h = NULL, *xe = NULL, *ye = NULL;
    /* bins as one count */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist2d(ax, x, y, .bins = 5, .counts_out = &h, .xedges_out = &xe,
                                 .yedges_out = &ye), ND_OK);
    fixture_check(FIX, "b5_h", h);
    fixture_check(FIX, "b5_xe", xe);
    fixture_check(FIX, "b5_ye", ye);
    /* the C-array form counts the same */
    CU_ASSERT_EQUAL(nplot_hist2d_xy(ax, nd_data(x), nd_data(y), 60, .bins = 5, .counts_out = &h), ND_OK);
    fixture_check(FIX, "b5_h", h);
    CU_ASSERT_EQUAL(nplot_hist2d_xy(ax, NULL, NULL, 3), ND_EVALUE);
    nplot_figure_free(fig);
    /* a pair of counts with range, weights and density */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    double range[4] = { -2, 2, -1, 3 };
    CU_ASSERT_EQUAL(nplot_hist2d(ax, x, y, .bins = 4, .bins_y = 3, .range = NPLOT_F64_ARRAY(range, 4),
                                 .weights = w, .density = true, .counts_out = &h, .xedges_out = &xe,
                                 .yedges_out = &ye), ND_OK);
    /* numc's histogramdd divides by the cell volume at once, NumPy by each width in turn:
     * the densities may differ in the last bit */
    nd_array *want = fixture_load(FIX, "pair_h");
    CU_ASSERT(fixture_same("pair_h", want, h, 1e-15, true));
    nd_free(want);
    nd_free(h);
    fixture_check(FIX, "pair_xe", xe);
    fixture_check(FIX, "pair_ye", ye);
    nplot_figure_free(fig);
    /* explicit x edges with a y count */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *edges = nd_from_f64((double[]){ -3, -1, 0, 0.5, 3.5 }, 5);
    CU_ASSERT_EQUAL(nplot_hist2d(ax, x, y, .xedges = edges, .bins_y = 3, .counts_out = &h,
                                 .xedges_out = &xe, .yedges_out = &ye), ND_OK);
    fixture_check(FIX, "mixed_h", h);
    fixture_check(FIX, "mixed_xe", xe);
    fixture_check(FIX, "mixed_ye", ye);
    nplot_figure_free(fig);
    nd_free(edges);
    nd_free(x);
    nd_free(y);
    nd_free(w);
}

static void test_hist2d_cmin_cmax_cells_are_not_drawn(void)
{
    nd_array *x = fixture_load(FIX, "x"), *y = fixture_load(FIX, "y");
    nd_array *want = fixture_load(FIX, "cmin_h"), *xe = fixture_load(FIX, "cmin_xe"),
             *ye = fixture_load(FIX, "cmin_ye");
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
    nplot_set_facecolor(ax, "red");
    nd_array *h = NULL;
    CU_ASSERT_EQUAL(nplot_hist2d(ax, x, y, .bins = 4, .cmin = 3, .cmax = 5, .cmap = "gray",
                                 .counts_out = &h), ND_OK);
    /* matplotlib's returned h: NaN where cmin / cmax hid the cell */
    CU_ASSERT(fixture_same("cmin_h", want, h, 0, true));
    /* the view is exactly the outer edges */
    for (int k = 0; k < 2; k++) {
        double lim[2];
        nd_array *wl = fixture_load(FIX, k ? "cmin_ylim" : "cmin_xlim");
        CU_ASSERT_PTR_NOT_NULL_FATAL(wl);
        if (k) nplot_get_ylim(ax, &lim[0], &lim[1]);
        else nplot_get_xlim(ax, &lim[0], &lim[1]);
        CU_ASSERT_EQUAL(lim[0], ((double *)nd_data(wl))[0]);
        CU_ASSERT_EQUAL(lim[1], ((double *)nd_data(wl))[1]);
        nd_free(wl);
    }
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    const double *hv = nd_data(want), *xv = nd_data(xe), *yv = nd_data(ye);
    int hidden = 0, shown = 0;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            const unsigned char *p = at_data(&m, ax, (xv[i] + xv[i + 1]) / 2, (yv[j] + yv[j + 1]) / 2);
            /* gray counts 3..5: hidden cells show the red face, drawn ones are gray */
            bool red = near(p, 255, 0, 0, 2);
            if (isnan(hv[i * 4 + j])) hidden += red;
            else shown += !red && p[0] == p[1] && p[1] == p[2];
        }
    CU_ASSERT_EQUAL(hidden, 4);
    CU_ASSERT_EQUAL(shown, 12);
    free(m.px);
    nplot_figure_free(fig);
    nd_free(h);
    nd_free(want);
    nd_free(xe);
    nd_free(ye);
    nd_free(x);
    nd_free(y);
}

/* ---- pcolormesh ---------------------------------------------------------------------------- */
static void test_pcolormesh_curvilinear_flat_cells(void)
{
    /* a sheared 3 x 3 point grid: cell (i, j) is the parallelogram of corners (i, j),
     * (i, j+1), (i+1, j+1), (i+1, j) */
    double X[9], Y[9], c[4] = { 0, 1, 2, 3 };
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) X[i * 3 + j] = j + 0.5 * i, Y[i * 3 + j] = i + 0.25 * j;
    nd_array *xa = grid(X, 3, 3), *ya = grid(Y, 3, 3), *ca = grid(c, 2, 2);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
    nplot_set_facecolor(ax, "red");
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, ca, .x = xa, .y = ya, .cmap = "gray"), ND_OK);
    /* limits: the extremes of the coordinates, sticky */
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0);
    CU_ASSERT_EQUAL(hi, 3);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0);
    CU_ASSERT_EQUAL(hi, 2.5);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    static const int gray[4] = { 0, 85, 170, 255 }; /* gray LUT at floor(c / 3 * 256) */
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            double cx = 0, cy = 0;
            int k[4] = { i * 3 + j, i * 3 + j + 1, (i + 1) * 3 + j + 1, (i + 1) * 3 + j };
            for (int q = 0; q < 4; q++) cx += X[k[q]] / 4, cy += Y[k[q]] / 4;
            int g = gray[i * 2 + j];
            CU_ASSERT(near(at_data(&m, ax, cx, cy), g, g, g, 2));
        }
    /* inside the bounding box, outside the sheared mesh: the red face */
    CU_ASSERT(near(at_data(&m, ax, 0.1, 1.8), 255, 0, 0, 2));
    CU_ASSERT(near(at_data(&m, ax, 2.9, 0.2), 255, 0, 0, 2));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(xa);
    nd_free(ya);
    nd_free(ca);
}

static void test_pcolormesh_nearest_edges_at_midpoints(void)
{
    double c[6] = { 0, 1, 2, 2, 1, 0 };
    nd_array *ca = grid(c, 2, 3);
    nd_array *x1 = nd_from_f64((double[]){ 0, 1, 3 }, 3), *y1 = nd_from_f64((double[]){ 0, 2 }, 2);
    double X[6] = { 0, 1, 3, 0, 1, 3 }, Y[6] = { 0, 0, 0, 2, 2, 2 };
    nd_array *x2 = grid(X, 2, 3), *y2 = grid(Y, 2, 3);
    for (int form = 0; form < 2; form++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
        nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
        nplot_set_facecolor(ax, "red");
        /* 1-D centres with the default ('auto' picks 'nearest'); 2-D with 'nearest' */
        nd_status st = form ? nplot_pcolormesh(ax, ca, .x = x2, .y = y2, .shading = "nearest", .cmap = "gray")
                            : nplot_pcolormesh(ax, ca, .x = x1, .y = y1, .cmap = "gray");
        CU_ASSERT_EQUAL(st, ND_OK);
        /* edges -0.5, 0.5, 2, 4 along x and -1, 1, 3 along y */
        double lo, hi;
        nplot_get_xlim(ax, &lo, &hi);
        CU_ASSERT_EQUAL(lo, -0.5);
        CU_ASSERT_EQUAL(hi, 4);
        nplot_get_ylim(ax, &lo, &hi);
        CU_ASSERT_EQUAL(lo, -1);
        CU_ASSERT_EQUAL(hi, 3);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        CU_ASSERT_EQUAL(red_at(&m, ax, 0.4, 0), 0);     /* cell 0 ends at 0.5 */
        CU_ASSERT_EQUAL(red_at(&m, ax, 0.6, 0), 128);   /* cell 1 */
        CU_ASSERT_EQUAL(red_at(&m, ax, 1.9, 0), 128);   /* cell 1 ends at 2 */
        CU_ASSERT_EQUAL(red_at(&m, ax, 2.1, 0), 255);   /* cell 2 */
        CU_ASSERT_EQUAL(red_at(&m, ax, 2.1, 0.9), 255); /* row 0 ends at y = 1 */
        CU_ASSERT_EQUAL(red_at(&m, ax, 2.1, 1.1), 0);   /* row 1: 2, 1, 0 */
        CU_ASSERT_EQUAL(red_at(&m, ax, -0.3, 2.8), 255);
        free(m.px);
        nplot_figure_free(fig);
    }
    nd_free(ca);
    nd_free(x1);
    nd_free(y1);
    nd_free(x2);
    nd_free(y2);
}

static void test_pcolormesh_gouraud_gradient(void)
{
    /* four points, black on the left, white on the right */
    double X[4] = { 0, 1, 0, 1 }, Y[4] = { 0, 0, 1, 1 }, c[4] = { 0, 1, 0, 1 };
    nd_array *xa = grid(X, 2, 2), *ya = grid(Y, 2, 2), *ca = grid(c, 2, 2);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, ca, .x = xa, .y = ya, .shading = "gouraud", .cmap = "gray"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1;
    nplot_data_to_pixel(ax, 0, 0.5, &x0, &y0);
    nplot_data_to_pixel(ax, 1, 0.5, &x1, &y1);
    int prev = -1, rises = 0, drops = 0;
    for (int px = (int)x0 + 2; px < (int)x1 - 1; px++) {
        const unsigned char *p = at(&m, px, y0);
        CU_ASSERT(p[0] == p[1] && p[1] == p[2]);
        if (prev >= 0) rises += p[0] > prev, drops += p[0] < prev;
        prev = p[0];
    }
    CU_ASSERT_EQUAL(drops, 0);
    CU_ASSERT(rises > 100); /* a gradient, not a few flat steps */
    CU_ASSERT(red_at(&m, ax, 0.02, 0.5) < 12);
    CU_ASSERT(red_at(&m, ax, 0.98, 0.5) > 243);
    /* the quad's centre takes the mean of its corners' colors */
    CU_ASSERT(abs(red_at(&m, ax, 0.5, 0.5) - 128) <= 3);
    /* the same along y: constant */
    CU_ASSERT(abs(red_at(&m, ax, 0.25, 0.1) - red_at(&m, ax, 0.25, 0.9)) <= 2);
    free(m.px);
    nplot_figure_free(fig);
    nd_free(xa);
    nd_free(ya);
    nd_free(ca);
}

static void test_mesh_bad_input(void)
{
    double c[6] = { 0, 1, 2, 3, 4, 5 }, X[6] = { 0 };
    nd_array *ca = grid(c, 2, 3), *same = grid(X, 2, 3), *row = grid(c, 1, 3);
    nd_array *x4 = nd_from_f64((double[]){ 0, 1, 2, 3 }, 4), *x5 = nd_from_f64(c, 5);
    nd_array *bad = nd_from_f64((double[]){ 0, NAN, 2, 3 }, 4);
    nd_array *over = grid((double[]){ 0, 0.5, 1, 1, 1, 1.5 }, 2, 3); /* c's values: 0..5 */
    struct {
        int expect;
        const char *needle;
    } cases[] = {
        { ND_EVALUE, "shading must be" },           /* unknown shading */
        { ND_ESHAPE, "needs 4 x and 3 y points" },  /* flat with C's shape */
        { ND_ESHAPE, "at least 2 x 2 points" },     /* gouraud on one row */
        { ND_ESHAPE, "do not describe one grid" },  /* 2-D x of 2 rows, y of 3 */
        { ND_EVALUE, "must be finite" },            /* NaN coordinate */
        { ND_ESHAPE, "needs 3 x and 2 y points" },  /* gouraud with flat-sized x */
        { ND_ESHAPE, "1-D of one length" },         /* hist2d lengths */
        { ND_EVALUE, "bins and bins_y must be" },   /* hist2d negative bins */
        { ND_EVALUE, "interpolation must be" },     /* imshow */
        { ND_ESHAPE, "alpha_array must have" },     /* imshow alpha shape */
        { ND_EVALUE, "alpha_array values must be" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        nd_status st = ND_OK;
        nd_array *ry = grid(c, 3, 2);
        switch (k) {
        case 0: st = nplot_pcolormesh(ax, ca, .shading = "smooth"); break;
        case 1: st = nplot_pcolormesh(ax, ca, .x = same, .y = same, .shading = "flat"); break;
        case 2: st = nplot_pcolormesh(ax, row, .shading = "gouraud"); break;
        case 3: st = nplot_pcolormesh(ax, ca, .x = same, .y = ry); break;
        case 4: st = nplot_pcolormesh(ax, ca, .x = bad); break;
        case 5: st = nplot_pcolormesh(ax, ca, .x = x4, .shading = "gouraud"); break;
        case 6: st = nplot_hist2d(ax, x4, x5); break;
        case 7: st = nplot_hist2d(ax, x4, x4, .bins = -1); break;
        case 8: st = nplot_imshow(ax, ca, .interpolation = "lanczos9"); break;
        case 9: st = nplot_imshow(ax, ca, .alpha_array = row); break;
        default: st = nplot_imshow(ax, ca, .alpha_array = over); break;
        }
        nd_free(ry);
        if (st != cases[k].expect || !strstr(nd_errmsg(), cases[k].needle))
            printf("\n  case %zu: status %d, '%s'", k, st, nd_errmsg());
        CU_ASSERT_EQUAL(st, cases[k].expect);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), cases[k].needle));
        nplot_figure_free(fig);
    }
    nd_free(ca);
    nd_free(same);
    nd_free(row);
    nd_free(x4);
    nd_free(x5);
    nd_free(bad);
    nd_free(over);
}

/* ---- imshow -------------------------------------------------------------------------------- */
/* The images of gen_mesh_fixtures.py on a bare axes filling a 200 x 200 figure: 4 x 4
 * magnified, or 300 x 300 minified (the filter widens); the pixels compared with
 * matplotlib's PNG of the same. */
static void interpolation_vs_matplotlib(const char *interp, bool minify)
{
    static double big[300 * 300];
    double z[16] = { 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1, 1, 2, 3, 0 };
    for (int i = 0; i < 300; i++)
        for (int j = 0; j < 300; j++) big[i * 300 + j] = ((i / 3 + j / 5) % 7) + sin(i * 0.37) * 2;
    nd_array *za = minify ? grid(big, 300, 300) : grid(z, 4, 4);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 50);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_imshow(ax, za, .interpolation = interp, .cmap = "gray", .vmin = minify ? -2 : 0,
                                 .vmax = minify ? 8 : 3, .aspect = "auto"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    char path[256];
    snprintf(path, sizeof path, NUMC_TEST_DATA "/plot/mesh_mpl_%s%s.png", interp, minify ? "_min" : "");
    nd_array *ref = nplot_imread(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
    CU_ASSERT_EQUAL(m.w, 200);
    CU_ASSERT_EQUAL(nd_shape(ref)[1], 200);
    const unsigned char *rp = nd_data(ref);
    int maxd = 0;
    double sum = 0;
    long n = 0;
    /* every pixel, the reflected edges included (measured: at most 3 levels apart, 0.4 on
     * average for bilinear, 2 and 0.3 for bicubic; minified: 2 and 0.2) */
    for (int y = 0; y < 200; y++)
        for (int x = 0; x < 200; x++) {
            int d = abs(at(&m, x, y)[0] - rp[((size_t)y * 200 + x) * 4]);
            maxd = d > maxd ? d : maxd;
            sum += d, n++;
        }
    if (maxd > 4 || sum / n > 0.8)
        printf("\n  %s%s: max difference %d, mean %g", interp, minify ? " minified" : "", maxd, sum / n);
    CU_ASSERT(maxd <= 4);
    CU_ASSERT(sum / n <= 0.8);
    /* colors in between are the colormap's: smooth, not nearest's four levels */
    int levels[256] = { 0 }, nlev = 0;
    for (int x = 20; x < 180; x++) nlev += !levels[at(&m, x, 100)[0]]++;
    CU_ASSERT(minify || nlev > 20);
    nd_free(ref);
    free(m.px);
    nplot_figure_free(fig);
    nd_free(za);
}

static void test_imshow_bilinear_matches_matplotlib(void)
{
    interpolation_vs_matplotlib("bilinear", false);
    interpolation_vs_matplotlib("bilinear", true);
}

static void test_imshow_bicubic_matches_matplotlib(void)
{
    interpolation_vs_matplotlib("bicubic", false);
    interpolation_vs_matplotlib("bicubic", true);
}

static void test_imshow_alpha_array(void)
{
    double z[2] = { 0, 0 }, al[2] = { 0, 0.5 }, half[2] = { 0.5, 0.5 }, zn[4] = { 0, 1, NAN, 1 };
    nd_array *za = grid(z, 1, 2), *aa = grid(al, 1, 2), *ha = grid(half, 1, 2), *zna = grid(zn, 2, 2);
    const char *interps[2] = { "nearest", "bilinear" };
    for (int k = 0; k < 2; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 2);
        nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
        nplot_set_facecolor(ax, "red");
        CU_ASSERT_EQUAL(nplot_imshow(ax, za, .cmap = "gray", .vmin = 0, .vmax = 1, .interpolation = interps[k],
                                     .alpha_array = k ? ha : aa, .alpha = 0.9), ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* black at alpha 0 / 0.5 over red (the array replaces the scalar alpha) */
        if (k == 0) CU_ASSERT(near(at_data(&m, ax, 0, 0), 255, 0, 0, 2));
        const unsigned char *p = at_data(&m, ax, 1, 0);
        if (!near(p, 128, 0, 0, 2)) printf("\n  %s: %d %d %d", interps[k], p[0], p[1], p[2]);
        CU_ASSERT(near(p, 128, 0, 0, 2));
        free(m.px);
        nplot_figure_free(fig);
    }
    /* bilinear: a NaN makes the pixels whose filter reaches it transparent */
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_facecolor(ax, "red");
    CU_ASSERT_EQUAL(nplot_imshow(ax, zna, .cmap = "gray", .interpolation = "bilinear", .origin = "lower"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, -0.4, 1.4), 255, 0, 0, 2)); /* at the NaN */
    CU_ASSERT(near(at_data(&m, ax, 0.3, 0.7), 255, 0, 0, 2));  /* its neighbourhood */
    CU_ASSERT(near(at_data(&m, ax, 1.4, -0.4), 255, 255, 255, 2));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(za);
    nd_free(aa);
    nd_free(ha);
    nd_free(zna);
}

/* ---- golden images ------------------------------------------------------------------------- */
static char scratch[64];

static int make_scratch(void)
{
    snprintf(scratch, sizeof scratch, "/tmp/plot-mesh-XXXXXX");
    return mkdtemp(scratch) ? 0 : 1;
}

static int remove_scratch(void)
{
    return rmdir(scratch);
}

/* The PNG against its golden reference, and the same figure as SVG and PDF (gouraud mesh
 * patterns and resampled images on vector targets) written without error. */
static void golden(nplot_figure *fig, const char *name)
{
    char out[256];
    for (int k = 0; k < 2; k++) {
        snprintf(out, sizeof out, "%s/%s.%s", scratch, name, k ? "pdf" : "svg");
        CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
        struct stat sb;
        CU_ASSERT(stat(out, &sb) == 0 && sb.st_size > 1000);
        remove(out);
    }
    bool regen = golden_output(out, sizeof out, GOLDEN, scratch, name);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    if (regen) return;
    char ref[256];
    snprintf(ref, sizeof ref, GOLDEN "/%s.png", name);
    double rms = image_rms(ref, out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden %s: RMS %g\n", name, rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    remove(out);
}

static void test_golden_images(void)
{
    enum { NR = 6, NT = 16 };
    static double X[NR + 1][NT + 1], Y[NR + 1][NT + 1], G[NR + 1][NT + 1], C[NR][NT];
    for (int i = 0; i <= NR; i++)
        for (int j = 0; j <= NT; j++) {
            double r = 1 + i / (double)NR, t = 3.141592653589793 * j / NT;
            X[i][j] = r * cos(t), Y[i][j] = r * sin(t), G[i][j] = sin(3 * t) * r;
            if (i < NR && j < NT) C[i][j] = cos(2 * t) * r;
        }
    nd_array *xa = grid(&X[0][0], NR + 1, NT + 1), *ya = grid(&Y[0][0], NR + 1, NT + 1);
    nd_array *ga = grid(&G[0][0], NR + 1, NT + 1), *ca = grid(&C[0][0], NR, NT);
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 60);
    nplot_axes *a0 = nplot_add_axes(fig, 0.02, 0.04, 0.46, 0.92), *a1 = nplot_add_axes(fig, 0.52, 0.04, 0.46, 0.92);
    nplot_axis(a0, "off");
    nplot_axis(a1, "off");
    CU_ASSERT_EQUAL(nplot_pcolormesh(a0, ca, .x = xa, .y = ya, .cmap = "RdBu", .edgecolors = "k",
                                     .linewidths = 0.5), ND_OK);
    CU_ASSERT_EQUAL(nplot_pcolormesh(a1, ga, .x = xa, .y = ya, .shading = "gouraud", .cmap = "RdBu"), ND_OK);
    golden(fig, "mesh_curvilinear");
    nplot_figure_free(fig);

    nd_array *x = fixture_load(FIX, "x"), *y = fixture_load(FIX, "y");
    fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 60);
    nplot_axes *ax = nplot_add_axes(fig, 0.04, 0.04, 0.92, 0.92);
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_hist2d(ax, x, y, .bins = 8, .cmin = 1, .cmap = "viridis"), ND_OK);
    golden(fig, "mesh_hist2d");
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(y);

    double z[16] = { 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1, 1, 2, 3, 0 }, al[16];
    for (int i = 0; i < 16; i++) al[i] = 0.25 + 0.25 * (i % 4);
    nd_array *za = grid(z, 4, 4), *aa = grid(al, 4, 4);
    fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 60);
    a0 = nplot_add_axes(fig, 0.02, 0.04, 0.46, 0.92), a1 = nplot_add_axes(fig, 0.52, 0.04, 0.46, 0.92);
    nplot_axis(a0, "off");
    nplot_axis(a1, "off");
    CU_ASSERT_EQUAL(nplot_imshow(a0, za, .interpolation = "bilinear", .cmap = "magma"), ND_OK);
    CU_ASSERT_EQUAL(nplot_imshow(a1, za, .interpolation = "bicubic", .cmap = "magma", .alpha_array = aa), ND_OK);
    golden(fig, "mesh_imshow");
    nplot_figure_free(fig);
    nd_free(za);
    nd_free(aa);
    nd_free(xa);
    nd_free(ya);
    nd_free(ga);
    nd_free(ca);
}

/* ---- allocation failures ------------------------------------------------------------------ */
/* Every builder and painter of this file with each allocation failing in turn: ND_ENOMEM
 * from the call or the render, nothing leaked, no crash (ASan). */
static nd_status mesh_body(void *ctx)
{
    (void)ctx;
    double c[4] = { 0, 1, 2, 3 }, X[4] = { 0, 1, 0.2, 1.3 }, Y[4] = { 0, 0.1, 1, 1.2 }, z[4] = { 0, 1, NAN, 3 };
    double px[5] = { 0.1, 0.5, 0.7, 1.5, 1.9 }, al[4] = { 0.5, 1, 0.25, 1 };
    nd_array *ca = grid(c, 2, 2), *xa = grid(X, 2, 2), *ya = grid(Y, 2, 2), *za = grid(z, 2, 2);
    nd_array *pa = nd_from_f64(px, 5), *aa = grid(al, 2, 2), *h = NULL;
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 40);
    nd_status st = ca && xa && ya && za && pa && aa && fig ? ND_OK : ND_ENOMEM;
    if (!st) {
        nplot_axes *ax = nplot_add_axes(fig, 0, 0, 0.5, 1), *bx = nplot_add_axes(fig, 0.5, 0, 0.5, 1);
        nplot_axis(ax, "off");
        nplot_axis(bx, "off");
        nplot_pcolormesh(ax, ca, .x = xa, .y = ya, .shading = "gouraud");
        nplot_pcolormesh(ax, ca, .x = xa, .y = ya, .shading = "nearest", .alpha = 0.5);
        nplot_hist2d(bx, pa, pa, .bins = 3, .cmin = 1, .counts_out = &h);
        nplot_imshow(bx, za, .interpolation = "bicubic", .alpha_array = aa);
        int w, hgt;
        nplot_figure_pixel_size(fig, &w, &hgt);
        unsigned char *rgba = malloc((size_t)w * hgt * 4); /* not through the hooks */
        st = nplot_figure_status(fig);
        if (!st && rgba) st = nplot_figure_render_rgba(fig, rgba, w, hgt, 4 * w);
        free(rgba);
        if (!st && (!h || ((double *)nd_data(h))[0] != 2)) st = ND_EVALUE; /* 0.1, 0.5 */
    } else {
        st = nd_last_error();
    }
    nplot_figure_free(fig);
    nd_free(h);
    nd_free(ca);
    nd_free(xa);
    nd_free(ya);
    nd_free(za);
    nd_free(pa);
    nd_free(aa);
    if (st) nd_set_error(st, "mesh_body: %s", nd_errmsg());
    return st;
}

static void quiet(const char *msg, unsigned bits, void *ctx)
{
    (void)msg, (void)bits, (void)ctx;
}

static void test_allocation_failures(void)
{
    nd_seterrcall(quiet, NULL); /* hundreds of expected warnings */
    faultsim_report r = faultsim_run("meshes", mesh_body, NULL);
    nd_seterrcall(NULL, NULL);
    printf(" (%ld runs) ", r.runs);
    if (!r.ok) printf("\n  %s", r.why);
    CU_ASSERT(r.ok);
    CU_ASSERT(r.runs > 50);
}

static const ND_TEST tests[] = {
    ND_T(test_hist2d_counts_and_edges_match_numpy),
    ND_T(test_hist2d_cmin_cmax_cells_are_not_drawn),
    ND_T(test_pcolormesh_curvilinear_flat_cells),
    ND_T(test_pcolormesh_nearest_edges_at_midpoints),
    ND_T(test_pcolormesh_gouraud_gradient),
    ND_T(test_mesh_bad_input),
    ND_T(test_imshow_bilinear_matches_matplotlib),
    ND_T(test_imshow_bicubic_matches_matplotlib),
    ND_T(test_imshow_alpha_array),
    ND_T(test_golden_images),
    ND_T(test_allocation_failures),
    { 0 },
};

ND_TEST_MAIN_WITH("plot_mesh", tests, make_scratch, remove_scratch)
