/* Norms (.norm) on the contour, tri and vector kinds against matplotlib 3.6
 * (tests/data/norm_kinds.txt from scripts/gen_norm_kinds_fixtures.py): contour levels from
 * a LogLocator under a LogNorm, band / triangle / arrow / barb / streamline colors through
 * the norm, extended bands in the colormap's under / over colors, the contourf colorbar's
 * log axis and extend triangles, and norm + vmin/vmax refused everywhere. */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "plot_image.h"
#include "testutil.h"

#define FIX NUMC_TEST_DATA "/norm_kinds.txt"

/* The fixture grids: z[i, j] = 10 ** (lo + span * j / (NX - 1)), decades along x. */
enum { NX = 41, NY = 11 };
static nd_array *decades(double lo, double span)
{
    static double z[NY * NX];
    for (int i = 0; i < NY; i++)
        for (int j = 0; j < NX; j++) z[i * NX + j] = pow(10, lo + span * j / (NX - 1));
    return nd_from_buffer(z, 2, (ptrdiff_t[]){ NY, NX }, ND_FLOAT64);
}

/* The column j (a data x) where the grid of decades(lo, span) holds v. */
static double column_of(double lo, double span, double v)
{
    return (log10(v) - lo) * (NX - 1) / span;
}

static void expect_values(const char *name, const double *got, int n, double rtol)
{
    double want[64];
    int m = fixture_values(FIX, name, want, 64);
    if (m != n) printf("\n  %s: fixture has %d values, got %d\n", name, m, n);
    CU_ASSERT_EQUAL_FATAL(m, n);
    for (int i = 0; i < n; i++)
        if (!(fabs(got[i] - want[i]) <= rtol * fabs(want[i]))) {
            printf("\n  %s[%d]: got %.17g, matplotlib %.17g\n", name, i, got[i], want[i]);
            CU_FAIL("level differs from matplotlib");
            return;
        }
}

/* The pixel p has the color of entry k of the fixture's RGBA line `name`. */
static bool pixel_is(const unsigned char *p, const char *name, int k)
{
    double c[64];
    int n = fixture_values(FIX, name, c, 64);
    CU_ASSERT_FATAL(n >= 4 * (k + 1));
    bool ok = near(p, (int)lround(c[4 * k] * 255), (int)lround(c[4 * k + 1] * 255),
                   (int)lround(c[4 * k + 2] * 255), 2);
    if (!ok)
        printf("\n  %s[%d]: pixel %d %d %d, matplotlib %.0f %.0f %.0f\n", name, k, p[0], p[1], p[2],
               c[4 * k] * 255, c[4 * k + 1] * 255, c[4 * k + 2] * 255);
    return ok;
}

static unsigned cmap_hex(const char *name, double v)
{
    nplot_rgba c;
    CU_ASSERT_EQUAL(nplot_cmap_color(name, v, &c), ND_OK);
    return (unsigned)lround(c.r * 255) << 16 | (unsigned)lround(c.g * 255) << 8 | (unsigned)lround(c.b * 255);
}

/* ---- contour levels: LogLocator under a LogNorm ------------------------------------------- */
static int levels_of_last(nplot_axes *ax, double *out)
{
    int n = nplot_contour_levels(ax, out, 64);
    CU_ASSERT(n > 0 && n <= 64);
    return n;
}

static void test_lognorm_contour_levels(void)
{
    nd_array *za = decades(-1, 4), *zb = decades(-3, 15);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double lev[64];
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, za, .norm = NPLOT_LOGNORM()), ND_OK);
    expect_values("contourf_log_a", lev, levels_of_last(ax, lev), 1e-14);
    /* 15 decades: every second decade (stride 2), nlevels ignored as matplotlib does */
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, zb, .norm = NPLOT_LOGNORM(), .nlevels = 20), ND_OK);
    expect_values("contourf_log_b", lev, levels_of_last(ax, lev), 1e-14);
    CU_ASSERT_EQUAL(nplot_contour(ax, NULL, NULL, za, .norm = NPLOT_LOGNORM()), ND_OK);
    expect_values("contour_log_a", lev, levels_of_last(ax, lev), 1e-14);
    CU_ASSERT_EQUAL(nplot_contour(ax, NULL, NULL, zb, .norm = NPLOT_LOGNORM()), ND_OK);
    expect_values("contour_log_b", lev, levels_of_last(ax, lev), 1e-14);
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, za, .norm = NPLOT_LOGNORM(), .extend = "both"), ND_OK);
    expect_values("contourf_log_a_both", lev, levels_of_last(ax, lev), 1e-14);
    /* other norms keep MaxNLocator: 0.1 .. 1000 in steps of 100 */
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, za, .norm = NPLOT_POWERNORM(.gamma = 0.5)), ND_OK);
    int n = levels_of_last(ax, lev);
    CU_ASSERT(n > 2 && lev[0] == 0 && lev[1] - lev[0] == lev[2] - lev[1]);
    nplot_figure_free(fig);
    /* tricontourf over the grid's points */
    double x[NX * NY], y[NX * NY];
    for (int i = 0; i < NY; i++)
        for (int j = 0; j < NX; j++) x[i * NX + j] = j, y[i * NX + j] = i;
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, NX * NY, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *got = NULL;
    nd_array *zf = nd_reshape(zb, 1, (ptrdiff_t[]){ NX * NY });
    CU_ASSERT_EQUAL(nplot_tricontourf(ax, t, zf, .norm = NPLOT_LOGNORM(), .levels_out = &got), ND_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    expect_values("tricontourf_log_b", nd_data(got), (int)nd_size(got), 1e-14);
    nd_free(got);
    /* matplotlib's TriContourSet refuses log of values <= 0 */
    double zneg[NX * NY];
    for (int i = 0; i < NX * NY; i++) zneg[i] = i - 5.0;
    nd_array *zn = nd_from_f64(zneg, NX * NY);
    CU_ASSERT_EQUAL(nplot_tricontour(ax, t, zn, .norm = NPLOT_LOGNORM()), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Cannot contour log of negative values"));
    nplot_figure_free(fig);
    nplot_triangulation_free(t);
    nd_free(zn);
    nd_free(zf);
    nd_free(za);
    nd_free(zb);
}

/* contour with a LogNorm masks z <= 0 (matplotlib: "Log scale: values of z <= 0 have been
 * masked") and takes the levels from the positive values */
static void test_lognorm_contour_masks_nonpositive(void)
{
    nd_array *z = decades(-1, 4);
    double *d = nd_data(z);
    for (int i = 0; i < NY; i++) d[i * NX] = d[i * NX + 1] = -1; /* two columns below zero */
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, z, .norm = NPLOT_LOGNORM()), ND_OK);
    double lev[64];
    int n = levels_of_last(ax, lev);
    CU_ASSERT(n >= 2 && lev[0] > 0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0.3, 5), 255, 255, 255, 2)); /* masked: not filled */
    free(m.px);
    nplot_figure_free(fig);
    nd_free(z);
}

/* ---- colors through the norm ---------------------------------------------------------------- */
/* contourf + LogNorm: the band holding 30 ([10, 100]) in matplotlib's color (the layer
 * value sqrt(10 * 100) through LogNorm(0.01, 10000)); every band checked */
static void test_contourf_lognorm_band_colors(void)
{
    nd_array *z = decades(-1, 4);
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, z, .norm = NPLOT_LOGNORM()), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(pixel_is(at_data(&m, ax, column_of(-1, 4, 30), 5), "contourf_log_a_rgba", 3));
    /* the bands [0.1, 1], [1, 10], [100, 1000] (the first and last hold no data) */
    CU_ASSERT(pixel_is(at_data(&m, ax, column_of(-1, 4, 0.3), 5), "contourf_log_a_rgba", 1));
    CU_ASSERT(pixel_is(at_data(&m, ax, column_of(-1, 4, 3), 5), "contourf_log_a_rgba", 2));
    CU_ASSERT(pixel_is(at_data(&m, ax, column_of(-1, 4, 300), 5), "contourf_log_a_rgba", 4));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(z);
}

/* extend='both' with a LogNorm: the extended bands take the colormap's under / over colors
 * (its end colors unless set), the others matplotlib's; the colorbar has a log axis, the
 * triangles in the same colors and the bands at the levels */
static void test_contourf_lognorm_extend_and_colorbar(void)
{
    nd_array *z = decades(-1, 4);
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.7, 0.9);
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, z, .norm = NPLOT_LOGNORM(), .extend = "both"), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    double lo, hi;
    nplot_get_ylim(cax, &lo, &hi);
    /* levels 0.1 .. 1000 (4 decades); triangles 5% of it beyond, in log space */
    ND_ASSERT_CLOSE(log10(lo), -1 - 0.2, 1e-9);
    ND_ASSERT_CLOSE(log10(hi), 3 + 0.2, 1e-9);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* the bands: under (below 0.1: none in the data), [0.1, 1] ... [100, 1000], over */
    CU_ASSERT(pixel_is(at_data(&m, ax, column_of(-1, 4, 0.3), 5), "contourf_log_a_both_rgba", 1));
    CU_ASSERT(pixel_is(at_data(&m, ax, column_of(-1, 4, 30), 5), "contourf_log_a_both_rgba", 3));
    CU_ASSERT(pixel_is(at_data(&m, ax, column_of(-1, 4, 300), 5), "contourf_log_a_both_rgba", 4));
    /* the colorbar: bands at their levels on the log axis, triangles under / over */
    CU_ASSERT(pixel_is(at_data(&m, cax, 0.5, 30), "contourf_log_a_both_rgba", 3));
    CU_ASSERT(pixel_is(at_data(&m, cax, 0.5, 0.3), "contourf_log_a_both_rgba", 1));
    CU_ASSERT(pixel_is(at_data(&m, cax, 0.5, pow(10, -1.08)), "contourf_log_a_both_rgba", 0));
    CU_ASSERT(pixel_is(at_data(&m, cax, 0.5, pow(10, 3.08)), "contourf_log_a_both_rgba", 5));
    CU_ASSERT(near(at_data(&m, cax, 0.1, pow(10, -1.18)), 255, 255, 255, 3)); /* beside the tip */
    free(m.px);
    nplot_figure_free(fig);
    /* a colormap with its own under / over colors gives them to the extended bands */
    nplot_colormap *cm = nplot_colormap_get("viridis");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cm);
    CU_ASSERT_EQUAL(nplot_colormap_set_under(cm, "red"), ND_OK);
    CU_ASSERT_EQUAL(nplot_colormap_set_over(cm, "blue"), ND_OK);
    nd_status reg = nplot_colormap_register(cm, "normkinds_uo");
    CU_ASSERT(reg == ND_OK || reg == ND_EVALUE); /* ND_EVALUE: registered by an earlier run */
    nplot_colormap_free(cm);
    fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 100);
    ax = nplot_add_axes(fig, 0.05, 0.05, 0.7, 0.9);
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, z, .norm = NPLOT_LOGNORM(), .cmap = "normkinds_uo",
                                   .levels = NPLOT_F64S(1, 10, 100), .extend = "both"), ND_OK);
    cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, column_of(-1, 4, 0.3), 5), 0xff0000, 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, column_of(-1, 4, 300), 5), 0x0000ff, 2));
    CU_ASSERT(near_rgb(at_data(&m, cax, 0.5, pow(10, -0.05)), 0xff0000, 2));
    CU_ASSERT(near_rgb(at_data(&m, cax, 0.5, pow(10, 2.05)), 0x0000ff, 2));
    /* LogNorm(1, 100) over the levels: the band [1, 10] at sqrt(10), a quarter of the way */
    CU_ASSERT(near_rgb(at_data(&m, ax, column_of(-1, 4, 3), 5), cmap_hex("viridis", (64 + 0.5) / 256), 2));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(z);
}

/* contour lines and the 3-D forms take the norm too: a LogNorm gives the log levels, and
 * the line set's colorbar a log axis */
static void test_contour_lines_and_3d_lognorm(void)
{
    nd_array *z = decades(-1, 4);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 2, 1);
    CU_ASSERT_EQUAL(nplot_contour(ax, NULL, NULL, z, .norm = NPLOT_LOGNORM()), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double t[32];
    int nt = nplot_get_yticks(cax, t, 32);
    CU_ASSERT(nt >= 3);
    for (int i = 1; i < nt && i < 32; i++) ND_ASSERT_CLOSE(t[i] / t[i - 1], 10, 1e-9); /* decades */
    nplot_axes *a3 = nplot_subplot_3d(fig, 1, 2, 2);
    double lev[64];
    CU_ASSERT_EQUAL(nplot_contourf3d(a3, NULL, NULL, z, .norm = NPLOT_LOGNORM()), ND_OK);
    expect_values("contourf_log_a", lev, levels_of_last(a3, lev), 1e-14);
    CU_ASSERT_EQUAL(nplot_contour3d(a3, NULL, NULL, z, .norm = NPLOT_LOGNORM()), ND_OK);
    expect_values("contour_log_a", lev, levels_of_last(a3, lev), 1e-14);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
    nd_free(z);
}

/* tripcolor, one value per triangle, TwoSlopeNorm(vcenter=0) autoscaled to [-4, 1] */
static void test_tripcolor_twoslope(void)
{
    double x[6] = { 0, 1, 0, 1, 2, 2 }, y[6] = { 0, 0, 1, 1, 0, 1 }, fc[4] = { -4, -1, 0.5, 1 };
    int tri[12] = { 0, 1, 2, 1, 3, 2, 1, 4, 3, 4, 5, 3 };
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 6, tri, 4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *c = nd_from_f64(fc, 4);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    CU_ASSERT_EQUAL(nplot_tripcolor(ax, t, c, .norm = NPLOT_TWOSLOPENORM(.vcenter = 0), .cmap = "RdBu"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    static const double cx[4] = { 1 / 3., 2 / 3., 4 / 3., 5 / 3. }, cy[4] = { 1 / 3., 2 / 3., 1 / 3., 2 / 3. };
    for (int k = 0; k < 4; k++) CU_ASSERT(pixel_is(at_data(&m, ax, cx[k], cy[k]), "tripcolor_twoslope_rgba", k));
    free(m.px);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    nplot_figure_free(fig);
    nd_free(c);
    nplot_triangulation_free(t);
}

/* tricontourf with a LogNorm colors a band by its log-space middle; plot_trisurf colors a
 * triangle by its mean through the norm */
static void test_tricontourf_and_trisurf_norms(void)
{
    double x[4] = { 0, 1, 0, 1 }, y[4] = { 0, 0, 1, 1 }, zv[4] = { 5, 5, 5, 5 };
    int tri[6] = { 0, 1, 2, 1, 3, 2 };
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 4, tri, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *z = nd_from_f64(zv, 4);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    /* the band [1, 10] of 1, 10, 1000: the color of sqrt(1 * 10) under LogNorm(1, 1000), a
     * sixth of the way (viridis entry 42; a linear middle 5.5 would be entry 1) */
    CU_ASSERT_EQUAL(nplot_tricontourf(ax, t, z, .levels = NPLOT_F64S(1, 10, 1000), .norm = NPLOT_LOGNORM()),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.5, 0.5), cmap_hex("viridis", (42 + 0.5) / 256), 2));
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    nplot_axes *a3 = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_trisurf(a3, t, z, .cmap = "viridis", .norm = NPLOT_LOGNORM(.vmin = 1, .vmax = 100)),
                    ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(a3));
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
    nd_free(z);
    nplot_triangulation_free(t);
}

/* quiver C through BoundaryNorm([0, 1, 2, 5, 10], 256): each arrow its region's color */
static void test_quiver_boundarynorm(void)
{
    double u[4] = { 1, 1, 1, 1 }, v[4] = { 0, 0, 0, 0 }, cv[4] = { 0.5, 1.5, 3, 7 }, xv[4] = { 0, 1, 2, 3 };
    nd_array *U = nd_from_f64(u, 4), *V = nd_from_f64(v, 4), *C = nd_from_f64(cv, 4), *X = nd_from_f64(xv, 4),
             *Y = nd_from_f64(v, 4);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, -1, 4);
    nplot_set_ylim(ax, -1, 1);
    CU_ASSERT_EQUAL(nplot_quiver(ax, U, V, .x = X, .y = Y, .c = C, .pivot = "mid", .width = 0.04,
                                 .norm = NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 1, 2, 5, 10),
                                                            .ncolors = 256)),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    for (int k = 0; k < 4; k++) CU_ASSERT(pixel_is(at_data(&m, ax, xv[k], 0), "quiver_boundary_rgba", k));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(U);
    nd_free(V);
    nd_free(C);
    nd_free(X);
    nd_free(Y);
}

/* barbs (a filled calm circle) and streamplot (a thick line) with c = 10 everywhere under
 * LogNorm(1, 100): the middle of viridis */
static void test_barbs_and_streamplot_lognorm(void)
{
    const nplot_norm *ln = NPLOT_LOGNORM(.vmin = 1, .vmax = 100);
    double z1[1] = { 0 }, c1[1] = { 10 };
    nd_array *U = nd_from_f64(z1, 1), *C = nd_from_f64(c1, 1);
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, -1, 1);
    nplot_set_ylim(ax, -1, 1);
    CU_ASSERT_EQUAL(nplot_barbs(ax, U, U, .c = C, .norm = ln, .length = 30, .fill_empty = true), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(pixel_is(at_data(&m, ax, 0, 0), "viridis_log_1_100_of_10", 0));
    free(m.px);
    nplot_figure_free(fig);
    enum { G = 5 };
    double gx[G], gu[G * G], gv[G * G], gc[G * G];
    for (int i = 0; i < G; i++) gx[i] = i;
    for (int i = 0; i < G * G; i++) gu[i] = 1, gv[i] = 0, gc[i] = 10;
    nd_array *x = nd_from_f64(gx, G), *u = nd_from_buffer(gu, 2, (ptrdiff_t[]){ G, G }, ND_FLOAT64),
             *v = nd_from_buffer(gv, 2, (ptrdiff_t[]){ G, G }, ND_FLOAT64),
             *c = nd_from_buffer(gc, 2, (ptrdiff_t[]){ G, G }, ND_FLOAT64);
    double sp[2] = { 0.5, 2 };
    nd_array *start = nd_from_buffer(sp, 2, (ptrdiff_t[]){ 1, 2 }, ND_FLOAT64);
    fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    ax = nplot_add_axes(fig, 0, 0, 1, 1);
    CU_ASSERT_EQUAL(nplot_streamplot(ax, x, x, u, v, .c = c, .norm = ln, .linewidth = 8, .start_points = start,
                                     .arrowstyle = "-"),
                    ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(pixel_is(at_data(&m, ax, 2, 2), "viridis_log_1_100_of_10", 0));
    free(m.px);
    nplot_figure_free(fig);
    /* an unscaled norm is autoscaled over the lines' values, not the grid's (matplotlib's
     * LineCollection): c = 100 row + col², the one line along row 2 sees about 200 .. 216,
     * so 204 at x = 2 is near a quarter of the way (over the grid's 0 .. 416 it would be
     * near half way) */
    for (int i = 0; i < G * G; i++) gc[i] = 100.0 * (i / G) + (i % G) * (i % G);
    nd_free(c);
    c = nd_from_buffer(gc, 2, (ptrdiff_t[]){ G, G }, ND_FLOAT64); /* nd_from_buffer copies */
    fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    ax = nplot_add_axes(fig, 0, 0, 1, 1);
    CU_ASSERT_EQUAL(nplot_streamplot(ax, x, x, u, v, .c = c, .norm = NPLOT_NORMALIZE(), .linewidth = 8,
                                     .start_points = start, .arrowstyle = "-"),
                    ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    const unsigned char *p = at_data(&m, ax, 2, 2);
    unsigned lines = cmap_hex("viridis", 0.25), grid = cmap_hex("viridis", 204.0 / 416);
    CU_ASSERT(near_rgb(p, lines, 12));
    CU_ASSERT(!near_rgb(p, grid, 12));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(U);
    nd_free(C);
    nd_free(x);
    nd_free(u);
    nd_free(v);
    nd_free(c);
    nd_free(start);
}

/* ---- bad input: a norm with vmin/vmax, an invalid norm ---------------------------------------- */
static void expect_refused(nd_status st, const char *msg)
{
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    if (!strstr(nd_errmsg(), msg)) printf("\n  message: %s\n", nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), msg));
}

static void test_norm_with_vmin_vmax_refused(void)
{
    static const char *both = "Passing a Normalize instance simultaneously with vmin/vmax";
    const nplot_norm *ln = NPLOT_LOGNORM();
    nd_array *z = decades(-1, 4);
    double x[4] = { 0, 1, 0, 1 }, y[4] = { 0, 0, 1, 1 }, zv[4] = { 1, 2, 3, 4 };
    int tri[6] = { 0, 1, 2, 1, 3, 2 };
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 4, tri, 2);
    nd_array *tz = nd_from_f64(zv, 4), *C = nd_from_f64(zv, 4);
#define FRESH(is3d)                                          \
    nplot_figure *fig = nplot_figure_new();                  \
    nplot_axes *ax = is3d ? nplot_subplot_3d(fig, 1, 1, 1) : nplot_subplot(fig, 1, 1, 1)
    {
        FRESH(false);
        expect_refused(nplot_contourf(ax, NULL, NULL, z, .norm = ln, .vmin = 1, .vmax = 10), both);
        nplot_figure_free(fig);
    }
    {
        FRESH(false);
        expect_refused(nplot_contour(ax, NULL, NULL, z, .norm = ln, .vmax = 10), both);
        nplot_figure_free(fig);
    }
    {
        FRESH(true);
        expect_refused(nplot_contourf3d(ax, NULL, NULL, z, .norm = ln, .vmin = 1, .vmax = 10), both);
        nplot_figure_free(fig);
    }
    {
        FRESH(false);
        expect_refused(nplot_tripcolor(ax, t, tz, .norm = ln, .vmin = 1, .vmax = 2), both);
        nplot_figure_free(fig);
    }
    {
        FRESH(false);
        expect_refused(nplot_tricontourf(ax, t, tz, .norm = ln, .vmin = 1, .vmax = 2), both);
        nplot_figure_free(fig);
    }
    {
        FRESH(true);
        expect_refused(nplot_plot_trisurf(ax, t, tz, .cmap = "viridis", .norm = ln, .vmin = 1, .vmax = 2), both);
        nplot_figure_free(fig);
    }
    {
        FRESH(false);
        expect_refused(nplot_quiver(ax, C, C, .c = C, .norm = ln, .vmin = 1, .vmax = 2), both);
        nplot_figure_free(fig);
    }
    {
        FRESH(false);
        expect_refused(nplot_barbs(ax, C, C, .c = C, .norm = ln, .vmin = 1, .vmax = 2), both);
        nplot_figure_free(fig);
    }
    {
        FRESH(false);
        nd_array *g = nd_from_buffer(zv, 2, (ptrdiff_t[]){ 2, 2 }, ND_FLOAT64), *gx = nd_from_f64(x, 2);
        expect_refused(nplot_streamplot(ax, gx, gx, g, g, .c = g, .norm = ln, .vmin = 1, .vmax = 2), both);
        nplot_figure_free(fig);
        nd_free(g);
        nd_free(gx);
    }
    {
        /* the norm's own checks: a LogNorm whose limits are not positive */
        FRESH(false);
        expect_refused(nplot_quiver(ax, C, C, .c = C, .norm = NPLOT_LOGNORM(.vmin = -1, .vmax = 2)),
                       "Invalid vmin or vmax");
        nplot_figure_free(fig);
    }
#undef FRESH
    nplot_triangulation_free(t);
    nd_free(tz);
    nd_free(C);
    nd_free(z);
}

/* ---- the image next to matplotlib's (scripts/mpl_norm_kinds_reference.py) ----------------- */
static void test_contourf_lognorm_colorbar_image(void)
{
    nd_array *z = decades(-1, 4);
    nplot_figure *fig = nplot_figure_new(.width = 4.8, .height = 3.6);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, z, .norm = NPLOT_LOGNORM(), .extend = "both"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    const char *out = getenv("NORM_KINDS_PNG");
    if (out) CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
    nd_free(z);
}

static const ND_TEST tests[] = {
    ND_T(test_lognorm_contour_levels),
    ND_T(test_lognorm_contour_masks_nonpositive),
    ND_T(test_contourf_lognorm_band_colors),
    ND_T(test_contourf_lognorm_extend_and_colorbar),
    ND_T(test_contour_lines_and_3d_lognorm),
    ND_T(test_tripcolor_twoslope),
    ND_T(test_tricontourf_and_trisurf_norms),
    ND_T(test_quiver_boundarynorm),
    ND_T(test_barbs_and_streamplot_lognorm),
    ND_T(test_norm_with_vmin_vmax_refused),
    ND_T(test_contourf_lognorm_colorbar_image),
    { 0 },
};

ND_TEST_MAIN("plot norm kinds", tests)
