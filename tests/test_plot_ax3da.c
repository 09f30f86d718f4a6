/* libnumc_plot's remaining Axes3D kinds: voxels, stem, errorbar, text / text2D, bar at zs,
 * add_collection3d, tricontour / tricontourf, contour sets placed in 3-D, clabel on a 3-D
 * contour set (which matplotlib does not draw: numc's reviewed rendering is the golden).
 * Numbers from matplotlib 3.6: tests/data/plot/ax3da/ref.txt (scripts/mpl_ax3da_reference.py);
 * a golden image next to matplotlib's rendering of the same (scripts/mpl_ax3da_figure.py). */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define DATA NUMC_TEST_DATA "/plot/ax3da"
#define REF DATA "/ref.txt"

static const double PI = 3.14159265358979323846;

static nplot_figure *new3d(nplot_axes **ax)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    *ax = nplot_subplot_3d(fig, 1, 1, 1);
    return fig;
}

/* The limits (x, y, z) against matplotlib's get_xlim3d, get_ylim3d, get_zlim3d. */
static void assert_lims(nplot_axes *ax, const char *name, double tol)
{
    double ref[6], got[6];
    CU_ASSERT_EQUAL_FATAL(test_ref_values(REF, name, ref, 6), 6);
    nplot_get_xlim(ax, &got[0], &got[1]);
    nplot_get_ylim(ax, &got[2], &got[3]);
    nplot_get_zlim(ax, &got[4], &got[5]);
    for (int i = 0; i < 6; i++) {
        if (fabs(got[i] - ref[i]) > tol) printf("\n  %s[%d]: %.10g, matplotlib %.10g\n", name, i, got[i], ref[i]);
        CU_ASSERT(fabs(got[i] - ref[i]) <= tol);
    }
}

/* The number of NaN-separated runs (polygons, polylines) of a 3-D artist. */
static size_t runs_of(const nplot_artist *a)
{
    size_t n = 0, r = 0;
    const double *x, *y, *z;
    CU_ASSERT_EQUAL_FATAL(nplot_artist_get_data3d(a, &n, &x, &y, &z), ND_OK);
    for (size_t i = 0, run = 0; i <= n; i++) {
        if (i < n && !isnan(x[i])) {
            run++;
            continue;
        }
        r += run > 0;
        run = 0;
    }
    return r;
}

static nd_array *gallery_voxels(void)
{
    nd_array *f = nd_zeros(ND_SHAPE(8, 8, 8));
    double *v = nd_data(f);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            for (int k = 0; k < 8; k++)
                v[i * 64 + j * 8 + k] = (i < 3 && j < 3 && k < 3) || (i >= 5 && j >= 5 && k >= 5) ||
                                        abs(i - j) + abs(j - k) + abs(k - i) <= 2;
    return f;
}

static void test_voxels_exposed_faces_and_limits(void)
{
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    nd_array *f = gallery_voxels();
    CU_ASSERT_EQUAL_FATAL(nplot_voxels(ax, f), ND_OK);
    double faces = 0;
    CU_ASSERT_EQUAL(test_ref_values(REF, "voxels_faces", &faces, 1), 1);
    CU_ASSERT_EQUAL(runs_of(nplot_get_artist(ax, 0)), (size_t)faces); /* 156: only exposed faces */
    assert_lims(ax, "voxels_lims", 1e-12);
    /* every face is a unit square on the grid */
    size_t n;
    const double *x, *y, *z;
    nplot_artist_get_data3d(nplot_get_artist(ax, 0), &n, &x, &y, &z);
    bool grid = true;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i])) grid &= x[i] == floor(x[i]) && y[i] == floor(y[i]) && z[i] == floor(z[i]);
    CU_ASSERT(grid);
    nplot_figure_free(fig);
    nd_free(f);
    /* one voxel: 6 faces */
    fig = new3d(&ax);
    f = nd_zeros(ND_SHAPE(1, 1, 1));
    ((double *)nd_data(f))[0] = 1;
    CU_ASSERT_EQUAL(nplot_voxels(ax, f, .facecolor = "C0"), ND_OK);
    CU_ASSERT_EQUAL(runs_of(nplot_get_artist(ax, 0)), 6);
    nplot_figure_free(fig);
    nd_free(f);
}

/* Edges are shaded like the faces (matplotlib's _shade_colors on edgecolors): red edges on
 * the lit top are brighter than on the dark side; with shade=False all one red. */
static void test_voxel_edges_shaded(void)
{
    for (int shade = 1; shade >= 0; shade--) {
        nplot_axes *ax;
        nplot_figure *fig = new3d(&ax);
        nd_array *f = nd_zeros(ND_SHAPE(2, 2, 2));
        for (int i = 0; i < 8; i++) ((double *)nd_data(f))[i] = 1;
        CU_ASSERT_EQUAL(nplot_voxels(ax, f, .facecolor = "w", .edgecolor = "r", .linewidth = 3, .no_shade = !shade),
                        ND_OK);
        int w = 0, h = 0;
        nplot_figure_pixel_size(fig, &w, &h);
        unsigned char *px = malloc((size_t)w * (size_t)h * 4);
        CU_ASSERT_EQUAL_FATAL(nplot_figure_render_rgba(fig, px, w, h, 4 * w), ND_OK);
        size_t full = 0, lit = 0, dark = 0;
        for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
            const unsigned char *p = px + 4 * i;
            if (p[1] > 20 || p[2] > 20) continue;
            full += p[0] > 250;
            lit += p[0] > 190 && p[0] < 245;
            dark += p[0] > 90 && p[0] < 160;
        }
        if (shade) CU_ASSERT(full < 50 && lit > 200 && dark > 200);
        if (!shade) CU_ASSERT(full > 1000 && dark < 50);
        free(px);
        nplot_figure_free(fig);
        nd_free(f);
    }
}

static void test_voxels_at_corner_coordinates(void)
{
    /* matplotlib's voxels(x, y, z, filled) on meshgrid(linspace(0, 1, 4)**2, linspace(0, 2, 4),
     * linspace(-1, 1, 4), indexing='ij'), a 3 x 3 x 3 block less its first corner */
    nd_array *X = nd_zeros(ND_SHAPE(4, 4, 4)), *Y = nd_zeros(ND_SHAPE(4, 4, 4)), *Z = nd_zeros(ND_SHAPE(4, 4, 4));
    nd_array *F = nd_zeros(ND_SHAPE(3, 3, 3));
    double *x = nd_data(X), *y = nd_data(Y), *z = nd_data(Z), *f = nd_data(F);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            for (int k = 0; k < 4; k++) {
                int c = (i * 4 + j) * 4 + k;
                x[c] = (i / 3.0) * (i / 3.0), y[c] = 2 * j / 3.0, z[c] = -1 + 2 * k / 3.0;
            }
    for (int c = 1; c < 27; c++) f[c] = 1;
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    CU_ASSERT_EQUAL_FATAL(nplot_voxels(ax, F, .x = X, .y = Y, .z = Z), ND_OK);
    double faces = 0;
    CU_ASSERT_EQUAL(test_ref_values(REF, "voxels_xyz_faces", &faces, 1), 1);
    CU_ASSERT_EQUAL(runs_of(nplot_get_artist(ax, 0)), (size_t)faces);
    assert_lims(ax, "voxels_xyz_lims", 1e-12);
    nplot_figure_free(fig);
    /* corners of the wrong shape, or only some of them */
    fig = new3d(&ax);
    CU_ASSERT_EQUAL(nplot_voxels(ax, F, .x = F, .y = F, .z = F), ND_ESHAPE);
    nplot_figure_free(fig);
    fig = new3d(&ax);
    CU_ASSERT_EQUAL(nplot_voxels(ax, F, .x = X), ND_EVALUE);
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Y);
    nd_free(Z);
    nd_free(F);
}

static void stem_data(nd_array **X, nd_array **Y, nd_array **Z, double *sx, double *sy, double *th)
{
    for (int i = 0; i < 40; i++) {
        th[i] = 2 * PI * i / 39;
        sx[i] = cos(th[i] - PI / 2), sy[i] = sin(th[i] - PI / 2);
    }
    *X = nd_from_f64(sx, 40), *Y = nd_from_f64(sy, 40), *Z = nd_from_f64(th, 40);
}

static void test_stem_limits_pixels_and_pieces(void)
{
    double sx[40], sy[40], th[40];
    nd_array *X, *Y, *Z;
    stem_data(&X, &Y, &Z, sx, sy, th);
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    CU_ASSERT_EQUAL_FATAL(nplot_stem3d(ax, X, Y, Z), ND_OK);
    assert_lims(ax, "stem_lims", 1e-9);
    /* baseline, stems (40 segments), markers */
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 3);
    CU_ASSERT_EQUAL(runs_of(nplot_get_artist(ax, 1)), 40);
    size_t n;
    const double *x, *y, *z;
    nplot_artist_get_data3d(nplot_get_artist(ax, 0), &n, &x, &y, &z);
    CU_ASSERT(n == 40 && z[0] == 0 && z[39] == 0 && x[5] == sx[5]);
    /* the markers' pixels: the projection with stem's limits */
    double ref[10];
    CU_ASSERT_EQUAL_FATAL(test_ref_values(REF, "stem_px", ref, 10), 10);
    nplot_figure_draw(fig);
    double worst = 0;
    for (int k = 0; k < 5; k++) {
        double px, py;
        CU_ASSERT_EQUAL(nplot_data_to_pixel_3d(ax, sx[8 * k], sy[8 * k], th[8 * k], &px, &py), ND_OK);
        worst = fmax(worst, fmax(fabs(px - ref[2 * k]), fabs(py - ref[2 * k + 1])));
    }
    printf("\n  stem markers: worst %.3f px from matplotlib's\n", worst);
    CU_ASSERT(worst <= 0.5);
    nplot_figure_free(fig);
    /* orientation 'x' from bottom -1: the stems run along x from x = -1 */
    fig = new3d(&ax);
    CU_ASSERT_EQUAL_FATAL(nplot_stem3d(ax, X, Y, Z, .bottom = -1, .orientation = "x"), ND_OK);
    assert_lims(ax, "stemx_lims", 1e-9);
    nplot_artist_get_data3d(nplot_get_artist(ax, 1), &n, &x, &y, &z);
    CU_ASSERT(x[0] == -1 && x[1] == sx[0] && y[0] == y[1] && z[0] == z[1]);
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Y);
    nd_free(Z);
}

static void test_errorbar_bars_caps_limits(void)
{
    enum { NE = 60 };
    double ex[NE], ey[NE], ez[NE];
    for (int i = 0; i < NE; i++) {
        double t = 2 * PI * i / (NE - 1);
        ex[i] = sin(t), ey[i] = cos(3 * t), ez[i] = sin(5 * t);
    }
    nd_array *X = nd_from_f64(ex, NE), *Y = nd_from_f64(ey, NE), *Z = nd_from_f64(ez, NE);
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    CU_ASSERT_EQUAL_FATAL(nplot_errorbar3d(ax, X, Y, Z, .zerr_value = 0.2, .xerr_value = 0.1, .errorevery = 5,
                                           .capsize = 2),
                          ND_OK);
    assert_lims(ax, "errorbar_lims", 1e-9);
    /* data line; x bars and their 2 caps; z bars and their 2 caps (matplotlib: 4 caplines) */
    double ncaps = 0;
    test_ref_values(REF, "errorbar_ncaps", &ncaps, 1);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 1 + 2 * (1 + (int)ncaps / 2));
    CU_ASSERT_EQUAL(runs_of(nplot_get_artist(ax, 1)), 12); /* every 5th of 60 points */
    size_t n;
    const double *x, *y, *z;
    nplot_artist_get_data3d(nplot_get_artist(ax, 4), &n, &x, &y, &z); /* the z bars */
    CU_ASSERT(fabs(z[0] - (ez[0] - 0.2)) < 1e-15 && fabs(z[1] - (ez[0] + 0.2)) < 1e-15 && x[0] == x[1]);
    nplot_figure_free(fig);
    /* asymmetric (2, n) errors */
    fig = new3d(&ax);
    double lohi[2 * NE];
    for (int i = 0; i < NE; i++) lohi[i] = 0.1, lohi[NE + i] = 0.3;
    nd_array *E = nd_from_buffer(lohi, 2, (ptrdiff_t[]){ 2, NE }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_errorbar3d(ax, X, Y, Z, .yerr = E, .fmt = "none"), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 1);
    nplot_artist_get_data3d(nplot_get_artist(ax, 0), &n, &x, &y, &z);
    CU_ASSERT(fabs(y[0] - (ey[0] - 0.1)) < 1e-15 && fabs(y[1] - (ey[0] + 0.3)) < 1e-15);
    nplot_figure_free(fig);
    nd_free(E);
    nd_free(X);
    nd_free(Y);
    nd_free(Z);
}

static void test_text3d_and_text2d(void)
{
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    nplot_set_xlim(ax, 0, 10);
    nplot_set_ylim(ax, 0, 10);
    nplot_set_zlim(ax, 0, 10);
    static const char *zdirs[6] = { NULL, "x", "y", "z", "(1,1,0)", "(1, 1, 1)" };
    for (int i = 0; i < 6; i++) CU_ASSERT_EQUAL(nplot_text3d(ax, 4, 5, 3, "text", zdirs[i]), ND_OK);
    CU_ASSERT_EQUAL(nplot_text2d(ax, 0.05, 0.95, "2D Text"), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 7);
    double ref[2], px, py;
    CU_ASSERT_EQUAL(test_ref_values(REF, "text_px", ref, 2), 2);
    CU_ASSERT_EQUAL(nplot_data_to_pixel_3d(ax, 4, 5, 3, &px, &py), ND_OK);
    CU_ASSERT(fabs(px - ref[0]) < 0.5 && fabs(py - ref[1]) < 0.5);
    /* drawn: the texts leave ink near their anchor (a 3-D axes used to skip texts) */
    int w = 0, h = 0;
    nplot_figure_pixel_size(fig, &w, &h);
    unsigned char *rgba = malloc((size_t)w * (size_t)h * 4);
    CU_ASSERT_EQUAL_FATAL(nplot_figure_render_rgba(fig, rgba, w, h, 4 * w), ND_OK);
    size_t dark = 0;
    for (int y = (int)py - 15; y < (int)py + 15; y++)
        for (int x = (int)px - 40; x < (int)px + 40; x++) dark += rgba[4 * ((size_t)y * (size_t)w + (size_t)x)] < 80;
    CU_ASSERT(dark > 50);
    free(rgba);
    nplot_figure_free(fig);
}

/* The direction of a text's ink: the principal axis of its dark pixels, degrees (y up). */
static double ink_angle(nplot_figure *fig)
{
    int w = 0, h = 0;
    nplot_figure_pixel_size(fig, &w, &h);
    unsigned char *rgba = malloc((size_t)w * (size_t)h * 4);
    CU_ASSERT_EQUAL_FATAL(nplot_figure_render_rgba(fig, rgba, w, h, 4 * w), ND_OK);
    double n = 0, mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                if (rgba[4 * ((size_t)y * (size_t)w + (size_t)x)] >= 128) continue;
                if (pass == 0) {
                    n++, mx += x, my += y;
                    continue;
                }
                double dx = x - mx, dy = -(y - my);
                sxx += dx * dx, syy += dy * dy, sxy += dx * dy;
            }
        if (pass == 0 && n > 0) mx /= n, my /= n;
    }
    free(rgba);
    return 0.5 * atan2(2 * sxy, sxx - syy) * 180 / PI;
}

static void test_text3d_turns_along_zdir(void)
{
    double ref[6];
    CU_ASSERT_EQUAL_FATAL(test_ref_values(REF, "text_angles", ref, 6), 6);
    static const char *zdirs[6] = { NULL, "x", "y", "z", "(1,1,0)", "(1,1,1)" };
    for (int i = 0; i < 6; i++) {
        nplot_axes *ax;
        nplot_figure *fig = new3d(&ax);
        nplot_set_xlim(ax, 0, 10);
        nplot_set_ylim(ax, 0, 10);
        nplot_set_zlim(ax, 0, 10);
        nplot_axis(ax, "off");
        CU_ASSERT_EQUAL(nplot_text3d(ax, 4, 5, 3, "\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014", zdirs[i],
                                     .fontsize = 20, .rotation = 45),
                        ND_OK);
        double a = ink_angle(fig), d = fabs(fmod(a - ref[i] + 540, 180) - 180); /* an axis: modulo 180 */
        d = fmin(d, 180 - d);
        if (d > 1.5) printf("\n  zdir %s: ink at %.2f degrees, matplotlib's text at %.2f\n", zdirs[i] ? zdirs[i] : "None", a, ref[i]);
        CU_ASSERT(d <= 1.5);
        nplot_figure_free(fig);
    }
}

static void test_bar_at_zs_along_y(void)
{
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    static const char *colors[4] = { "r", "g", "b", "y" };
    double bx[20], bh[20];
    for (int k = 3; k >= 0; k--) {
        for (int i = 0; i < 20; i++) bx[i] = i, bh[i] = 0.5 + 0.5 * sin(0.6 * i + k) + 0.1 * k;
        nd_array *BX = nd_from_f64(bx, 20), *BH = nd_from_f64(bh, 20);
        CU_ASSERT_EQUAL(nplot_bar_zs(ax, BX, BH, .zs_value = k, .zdir = "y", .color = colors[3 - k], .alpha = 0.8),
                        ND_OK);
        nd_free(BX);
        nd_free(BH);
    }
    assert_lims(ax, "bar_lims", 1e-9);
    /* the last call's bars (k = 0) lie in the plane y = 0, x from i - 0.4 to i + 0.4 */
    size_t n;
    const double *x, *y, *z;
    nplot_artist_get_data3d(nplot_get_artist(ax, 3), &n, &x, &y, &z);
    CU_ASSERT(n == 100 && y[0] == 0 && fabs(x[0] + 0.4) < 1e-15 && fabs(x[1] - 0.4) < 1e-15 && z[0] == 0);
    CU_ASSERT(fabs(z[2] - (0.5 + 0.5 * sin(0.0))) < 1e-15);
    nplot_figure_free(fig);
}

static nplot_triangulation *rings(nd_array **Z)
{
    enum { NA = 48, NR = 8, NP = NA * NR };
    static double px[NP], py[NP], pz[NP];
    for (int r = 0; r < NR; r++)
        for (int a = 0; a < NA; a++) {
            double rad = 0.25 + (0.95 - 0.25) * r / (NR - 1), ang = 2 * PI * a / NA + (r % 2) * PI / NA;
            int i = r * NA + a;
            px[i] = rad * cos(ang), py[i] = rad * sin(ang), pz[i] = cos(rad) * cos(3 * ang);
        }
    *Z = nd_from_f64(pz, NP);
    return nplot_triangulation_new_xy(px, py, NP, NULL, 0);
}

static void test_tricontour3d_levels_heights_limits(void)
{
    nd_array *Z;
    nplot_triangulation *tri = rings(&Z);
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    nd_array *lev = NULL;
    CU_ASSERT_EQUAL_FATAL(nplot_tricontour3d(ax, tri, Z, .tri.nlevels = 12, .tri.levels_out = &lev), ND_OK);
    double ref[32];
    int nl = test_ref_values(REF, "tricontour_levels", ref, 32);
    CU_ASSERT_EQUAL_FATAL(nd_size(lev), nl);
    for (int i = 0; i < nl; i++) CU_ASSERT(fabs(((const double *)nd_data(lev))[i] - ref[i]) < 1e-12);
    /* one 3-D line per non-empty level, at the level's height */
    int nz = test_ref_values(REF, "tricontour_z", ref, 32);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), nz);
    for (int i = 0; i < nz && i < nplot_artist_count(ax); i++) {
        size_t n;
        const double *x, *y, *z;
        CU_ASSERT_EQUAL(nplot_artist_get_data3d(nplot_get_artist(ax, i), &n, &x, &y, &z), ND_OK);
        CU_ASSERT(fabs(z[0] - ref[i]) < 1e-12);
    }
    assert_lims(ax, "tricontour_lims", 1e-9);
    nplot_figure_free(fig);
    nd_free(lev);
    /* filled: one polygon per band at the band's middle; z limits over the middles */
    fig = new3d(&ax);
    CU_ASSERT_EQUAL_FATAL(nplot_tricontourf3d(ax, tri, Z), ND_OK);
    nz = test_ref_values(REF, "tricontourf_z", ref, 32);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), nz);
    for (int i = 0; i < nz && i < nplot_artist_count(ax); i++) {
        size_t n;
        const double *x, *y, *z;
        nplot_artist_get_data3d(nplot_get_artist(ax, i), &n, &x, &y, &z);
        CU_ASSERT(fabs(z[0] - ref[i]) < 1e-12);
    }
    assert_lims(ax, "tricontourf_lims", 1e-9);
    nplot_figure_free(fig);
    /* zdir 'x' with an offset: every line at x = -1.5 */
    fig = new3d(&ax);
    CU_ASSERT_EQUAL(nplot_tricontour3d(ax, tri, Z, .zdir = "x", .offset = -1.5, .has_offset = true),
                    ND_OK);
    bool all = nplot_artist_count(ax) > 0;
    for (int i = 0; i < nplot_artist_count(ax); i++) {
        size_t n;
        const double *x, *y, *z;
        nplot_artist_get_data3d(nplot_get_artist(ax, i), &n, &x, &y, &z);
        for (size_t k = 0; k < n; k++) all &= isnan(x[k]) || x[k] == -1.5;
    }
    CU_ASSERT(all);
    nplot_figure_free(fig);
    nplot_triangulation_free(tri);
    nd_free(Z);
}

/* One red contour of z = x^2 + y^2 at 1 (the unit circle), seen from above, labelled or not. */
static nplot_figure *circle3d(int label, nd_array **keep)
{
    enum { N = 41 };
    double g[N], z[N * N];
    for (int i = 0; i < N; i++) g[i] = -2 + 4.0 * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) z[i * N + j] = g[i] * g[i] + g[j] * g[j];
    keep[0] = nd_from_f64(g, N);
    nd_array *flat = nd_from_f64(z, N * N);
    keep[1] = nd_reshape(flat, 2, (int64_t[]){ N, N });
    nd_free(flat);
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    nplot_view_init(ax, 90, -90);
    CU_ASSERT_EQUAL(nplot_contour3d(ax, keep[0], keep[0], keep[1], .levels = NPLOT_F64S(1.0),
                                    .colors = NPLOT_STRS("#ff0000")),
                    ND_OK);
    if (label) CU_ASSERT_EQUAL(nplot_clabel(ax, .colors = NPLOT_STRS("k"), .fmt = "%.0f", .fontsize = 14,
                                            .inline_labels = label == 2 ? NPLOT_OFF : 0),
                               ND_OK);
    return fig;
}

static bool red(const unsigned char *p) { return p[0] > 200 && p[1] < 90 && p[2] < 90; }
static bool dark(const unsigned char *p) { return p[0] < 80 && p[1] < 80 && p[2] < 80; }

/* nplot_clabel on a 3-D axes: the label sits on the projected line, in its color, and
 * (inline) the line leaves a gap under it; without inline the line is whole. */
static void test_clabel3d_on_the_projected_line(void)
{
    nd_array *keep[6];
    nplot_figure *f0 = circle3d(0, keep), *f1 = circle3d(1, keep + 2), *f2 = circle3d(2, keep + 4);
    img a = render(f0), b = render(f1), c = render(f2);
    CU_ASSERT_FATAL(a.px && b.px && c.px && a.w == b.w && a.w == c.w && a.h == b.h);
    size_t red_a = 0, red_b = 0, red_c = 0, ink = 0, gone = 0;
    double ix = 0, iy = 0, gx = 0, gy = 0;
    for (int y = 0; y < a.h; y++)
        for (int x = 0; x < a.w; x++) {
            const unsigned char *pa = at(&a, x, y), *pb = at(&b, x, y), *pc = at(&c, x, y);
            red_a += red(pa), red_b += red(pb), red_c += red(pc);
            if (dark(pb) && !dark(pa)) ink++, ix += x, iy += y;        /* the label's text */
            if (red(pa) && !red(pb) && !dark(pb)) gone++, gx += x, gy += y; /* the gap */
        }
    CU_ASSERT(ink > 30);
    CU_ASSERT(gone > 15);
    CU_ASSERT(red_b < red_c && red_c <= red_a);
    if (ink && gone) {
        ix /= (double)ink, iy /= (double)ink, gx /= (double)gone, gy /= (double)gone;
        /* the gap is centred on the text, and the text on the circle */
        CU_ASSERT(hypot(ix - gx, iy - gy) < 6);
        double best = INFINITY;
        for (int y = 0; y < a.h; y++)
            for (int x = 0; x < a.w; x++)
                if (red(at(&a, x, y))) best = fmin(best, hypot(x - ix, y - iy));
        CU_ASSERT(best < 4);
    }
    /* the labelled level is the set's, and the whole line is still there to query */
    double lev;
    CU_ASSERT_EQUAL(nplot_contour_levels(nplot_gca(f1), &lev, 1), 1);
    CU_ASSERT_EQUAL(lev, 1.0);
    /* manual positions are 2-D data coordinates: refused on a 3-D axes */
    CU_ASSERT_EQUAL(nplot_clabel(nplot_gca(f1), .manual = NPLOT_F64S(0.0, 1.0)), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "3-D") != NULL);
    free(a.px), free(b.px), free(c.px);
    nplot_figure_free(f0), nplot_figure_free(f1), nplot_figure_free(f2);
    for (int i = 0; i < 6; i++) nd_free(keep[i]);
}

/* 2-D and 3-D labels of the same field side by side, against the reviewed rendering. */
static void test_golden_clabel3d(void)
{
    enum { N = 60 };
    double g[N], z[N * N];
    for (int i = 0; i < N; i++) g[i] = -3 + 6.0 * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double x = g[j], y = g[i];
            z[i * N + j] = exp(-(x * x + y * y) / 2) - 0.5 * exp(-((x - 1) * (x - 1) + (y - 1) * (y - 1)));
        }
    nd_array *G = nd_from_f64(g, N), *flat = nd_from_f64(z, N * N), *Z = nd_reshape(flat, 2, (int64_t[]){ N, N });
    nplot_figure *fig = nplot_figure_new(.width = 9, .height = 4.5, .dpi = 100);
    nplot_axes *a2 = nplot_subplot(fig, 1, 2, 1), *a3 = nplot_subplot_3d(fig, 1, 2, 2);
    CU_ASSERT_EQUAL(nplot_contour(a2, G, G, Z, .nlevels = 8), ND_OK);
    CU_ASSERT_EQUAL(nplot_clabel(a2), ND_OK);
    CU_ASSERT_EQUAL(nplot_contour3d(a3, G, G, Z, .nlevels = 8), ND_OK);
    CU_ASSERT_EQUAL(nplot_clabel(a3), ND_OK);
    golden_compare(fig, DATA, "clabel3d", 2.0);
    nplot_figure_free(fig);
    nd_free(G), nd_free(flat), nd_free(Z);
}

static void test_add_collection3d_juggles(void)
{
    nplot_axes *ax;
    nplot_figure *fig = new3d(&ax);
    double px[] = { 0, 1, 0.5, NAN, 2, 3, 3, 2 }, py[] = { 0, 0, 1, NAN, 0, 0, 1, 1 };
    nd_array *X = nd_from_f64(px, 8), *Y = nd_from_f64(py, 8), *ZS = nd_from_f64((double[]){ 1, 2 }, 2);
    CU_ASSERT_EQUAL_FATAL(nplot_add_collection3d(ax, X, Y, .zs = ZS, .zdir = "y"), ND_OK);
    double ref[27];
    CU_ASSERT_EQUAL_FATAL(test_ref_values(REF, "collection_vec", ref, 27), 27);
    /* matplotlib's vertices close each polygon (the first repeats): skip those */
    static const int at[7] = { 0, 1, 2, 4, 5, 6, 7 };
    size_t n;
    const double *x, *y, *z;
    nplot_artist_get_data3d(nplot_get_artist(ax, 0), &n, &x, &y, &z);
    CU_ASSERT_EQUAL_FATAL(n, 9); /* a NaN after each polygon */
    static const size_t mine[7] = { 0, 1, 2, 4, 5, 6, 7 };
    for (int i = 0; i < 7; i++) {
        const double *r = ref + 3 * at[i];
        CU_ASSERT(x[mine[i]] == r[0] && y[mine[i]] == r[1] && z[mine[i]] == r[2]);
    }
    CU_ASSERT_EQUAL(runs_of(nplot_get_artist(ax, 0)), 2);
    nplot_figure_free(fig);
    /* zdir 'x', one zs */
    fig = new3d(&ax);
    nd_array *X3 = nd_from_f64(px, 3), *Y3 = nd_from_f64(py, 3);
    CU_ASSERT_EQUAL(nplot_add_collection3d(ax, X3, Y3, .zs_value = 5, .zdir = "x"), ND_OK);
    CU_ASSERT_EQUAL_FATAL(test_ref_values(REF, "collection_x_vec", ref, 12), 12);
    nplot_artist_get_data3d(nplot_get_artist(ax, 0), &n, &x, &y, &z);
    for (int i = 0; i < 3; i++) CU_ASSERT(x[i] == ref[3 * i] && y[i] == ref[3 * i + 1] && z[i] == ref[3 * i + 2]);
    /* lines */
    CU_ASSERT_EQUAL(nplot_add_collection3d(ax, X, Y, .lines = true, .edgecolor = "k"), ND_OK);
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Y);
    nd_free(ZS);
    nd_free(X3);
    nd_free(Y3);
}

/* X: 30 points over -3..3; Z: exp(-(x^2 + y^2) / 2) on the 30 x 30 grid */
static void gauss_grid(nd_array **X, nd_array **Z)
{
    enum { G = 30 };
    double g[G], zz[G * G];
    for (int i = 0; i < G; i++) g[i] = -3 + 6.0 * i / (G - 1);
    for (int i = 0; i < G; i++)
        for (int j = 0; j < G; j++) zz[i * G + j] = exp(-(g[i] * g[i] + g[j] * g[j]) / 2);
    *X = nd_from_f64(g, G);
    *Z = nd_from_buffer(zz, 2, (ptrdiff_t[]){ G, G }, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(*X);
    CU_ASSERT_PTR_NOT_NULL_FATAL(*Z);
}

static void test_contour_sets_from_a_2d_axes(void)
{
    nd_array *X, *Z;
    gauss_grid(&X, &Z);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *flat = nplot_subplot(fig, 1, 2, 1), *ax = nplot_subplot_3d(fig, 1, 2, 2);
    CU_ASSERT_EQUAL(nplot_add_contour_set(ax, flat), ND_EVALUE); /* nothing to place yet */
    CU_ASSERT(strstr(nd_errmsg(), "no contour set") != NULL);
    nplot_figure_free(fig); /* the error is sticky */
    fig = nplot_figure_new();
    flat = nplot_subplot(fig, 1, 2, 1), ax = nplot_subplot_3d(fig, 1, 2, 2);
    CU_ASSERT_EQUAL_FATAL(nplot_contour(flat, X, X, Z, .levels = NPLOT_F64S(0.2, 0.5, 0.8)), ND_OK);
    int before = nplot_artist_count(flat);
    CU_ASSERT_EQUAL(nplot_add_contour_set(ax, flat), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_count(flat), before); /* src keeps its set */
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 3);
    size_t n;
    const double *x, *y, *z;
    nplot_artist_get_data3d(nplot_get_artist(ax, 1), &n, &x, &y, &z);
    CU_ASSERT(n > 10 && z[0] == 0.5);
    /* contourf bands at their middles, or all at the offset */
    CU_ASSERT_EQUAL_FATAL(nplot_contourf(flat, X, X, Z, .levels = NPLOT_F64S(0, 0.5, 1)), ND_OK);
    CU_ASSERT_EQUAL(nplot_add_contourf_set(ax, flat), ND_OK);
    nplot_artist_get_data3d(nplot_get_artist(ax, 3), &n, &x, &y, &z);
    CU_ASSERT(z[0] == 0.25);
    CU_ASSERT_EQUAL(nplot_add_contourf_set(ax, flat, .zdir = "y", .offset = 4, .has_offset = true), ND_OK);
    nplot_artist_get_data3d(nplot_get_artist(ax, 5), &n, &x, &y, &z);
    CU_ASSERT(y[0] == 4);
    CU_ASSERT_EQUAL(nplot_add_contour_set(ax, ax), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    flat = nplot_subplot(fig, 1, 2, 1), ax = nplot_subplot_3d(fig, 1, 2, 2);
    CU_ASSERT_EQUAL(nplot_contour(flat, X, X, Z), ND_OK);
    CU_ASSERT_EQUAL(nplot_add_contourf_set(ax, flat), ND_EVALUE); /* lines only */
    CU_ASSERT(strstr(nd_errmsg(), "no contourf set") != NULL);
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Z);
}

static void test_contour_set_extend3d(void)
{
    /* matplotlib: contour(X, Y, Z, levels=[0.2, 0.5, 0.8], extend3d=True, stride=5) */
    nd_array *X, *Z;
    gauss_grid(&X, &Z);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *flat = nplot_subplot(fig, 1, 2, 1), *ax = nplot_subplot_3d(fig, 1, 2, 2);
    CU_ASSERT_EQUAL_FATAL(nplot_contour(flat, X, X, Z, .levels = NPLOT_F64S(0.2, 0.5, 0.8)), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_add_contour_set(ax, flat, .extend3d = true, .stride = 5), ND_OK);
    double ref[12];
    int nl = test_ref_values(REF, "extend3d_quads", ref, 3);
    CU_ASSERT_EQUAL_FATAL(nplot_artist_count(ax), nl);
    for (int i = 0; i < nl; i++) {
        size_t q = runs_of(nplot_get_artist(ax, i));
        if (q != (size_t)ref[i]) printf("\n  level %d: %zu quads, matplotlib %g\n", i, q, ref[i]);
        CU_ASSERT_EQUAL(q, (size_t)ref[i]);
    }
    /* the first quad: from level - 0.15 to level + 0.15 along the first polyline */
    CU_ASSERT_EQUAL_FATAL(test_ref_values(REF, "extend3d_first", ref, 12), 12);
    size_t n;
    const double *x, *y, *z;
    nplot_artist_get_data3d(nplot_get_artist(ax, 0), &n, &x, &y, &z);
    for (int c = 0; c < 4; c++) CU_ASSERT(fabs(z[c] - ref[3 * c + 2]) < 1e-12);
    CU_ASSERT_EQUAL(nplot_add_contourf_set(ax, flat, .extend3d = true), ND_EVALUE);
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Z);
}

static nplot_figure *golden_figure(nd_array **keep)
{
    nplot_figure *fig = nplot_figure_new(.width = 9, .height = 6, .dpi = 60);
    nd_array *f = gallery_voxels();
    nplot_voxels(nplot_subplot_3d(fig, 2, 3, 1), f, .edgecolor = "k");
    double sx[40], sy[40], th[40];
    nd_array *X, *Y, *Z;
    stem_data(&X, &Y, &Z, sx, sy, th);
    nplot_stem3d(nplot_subplot_3d(fig, 2, 3, 2), X, Y, Z);
    nplot_errorbar3d(nplot_subplot_3d(fig, 2, 3, 3), X, Y, Z, .zerr_value = 0.5, .errorevery = 4, .capsize = 3);
    nplot_axes *t = nplot_subplot_3d(fig, 2, 3, 4);
    nplot_set_xlim(t, 0, 10);
    nplot_set_ylim(t, 0, 10);
    nplot_set_zlim(t, 0, 10);
    nplot_text3d(t, 1, 2, 10, "dir=None", NULL);
    nplot_text3d(t, 4, 5, 3, "dir=x", "x");
    nplot_text3d(t, 9, 10, 9, "dir=z", "z");
    nplot_text2d(t, 0.05, 0.95, "2D Text");
    nplot_axes *b = nplot_subplot_3d(fig, 2, 3, 5);
    double bx[10], bh[10];
    for (int i = 0; i < 10; i++) bx[i] = i, bh[i] = 1 + i % 4;
    nd_array *BX = nd_from_f64(bx, 10), *BH = nd_from_f64(bh, 10);
    nplot_bar_zs(b, BX, BH, .zs_value = 1, .zdir = "y", .color = "r", .alpha = 0.8);
    nplot_bar_zs(b, BX, BH, .zs_value = 0, .zdir = "y", .color = "b", .alpha = 0.8);
    nd_array *PZ;
    nplot_triangulation *tri = rings(&PZ);
    nplot_tricontourf3d(nplot_subplot_3d(fig, 2, 3, 6), tri, PZ, .tri.cmap = "viridis");
    nplot_triangulation_free(tri);
    nd_array *list[] = { f, X, Y, Z, BX, BH, PZ };
    memcpy(keep, list, sizeof list);
    return fig;
}

static void test_golden_kinds(void)
{
    nd_array *keep[7];
    nplot_figure *fig = golden_figure(keep);
    char ref[256], out[256];
    snprintf(ref, sizeof ref, DATA "/kinds.png");
    bool regen = golden_output(out, sizeof out, DATA, ".", "ax3da_kinds");
    if (regen) snprintf(out, sizeof out, "%s", ref);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    if (!regen) {
        double rms = image_rms(ref, out);
        if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden ax3da kinds: RMS %g\n", rms);
        CU_ASSERT(rms >= 0 && rms <= 2.0);
        if (rms >= 0 && rms <= 2.0) remove(out);
    }
    nplot_figure_free(fig);
    for (int i = 0; i < 7; i++) nd_free(keep[i]);
}

static void test_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *flat = nplot_subplot(fig, 1, 2, 1), *ax = nplot_subplot_3d(fig, 1, 2, 2);
    nd_array *a3 = nd_from_f64((double[]){ 0, 1, 2 }, 3), *a2 = nd_from_f64((double[]){ 0, 1 }, 2);
    CU_ASSERT_EQUAL(nplot_voxels(flat, a3), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "not 3-D") != NULL);
    nplot_figure_free(fig);
#define FRESH() (fig = nplot_figure_new(), ax = nplot_subplot_3d(fig, 1, 1, 1))
    FRESH();
    CU_ASSERT_EQUAL(nplot_voxels(ax, a3), ND_ESHAPE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_stem3d(ax, a3, a3, a2), ND_ESHAPE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_stem3d(ax, a3, a3, a3, .orientation = "w"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'w'") != NULL);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_errorbar3d(ax, a3, a3, a3, .zerr = a2), ND_ESHAPE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_errorbar3d(ax, a3, a3, a3, .zerr_value = -1), ND_EVALUE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_text3d(ax, 0, 0, 0, "s", "(1,2)"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "zdir") != NULL);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_text2d(ax, 0, 0, "s", .coords = "data"), ND_EVALUE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_bar_zs(ax, a3, a2), ND_ESHAPE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_bar_zs(ax, a3, a3, .zdir = "q"), ND_EVALUE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_add_collection3d(ax, a3, a2), ND_ESHAPE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_add_collection3d(ax, a3, a3, .zs = a2), ND_ESHAPE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_add_contour_set(ax, NULL), ND_EVALUE);
    nplot_figure_free(fig);
    FRESH();
    CU_ASSERT_EQUAL(nplot_tricontour3d(ax, NULL, a3), ND_EVALUE);
    nplot_figure_free(fig);
#undef FRESH
    nd_free(a3);
    nd_free(a2);
}

static const ND_TEST tests[] = {
    ND_T(test_voxels_exposed_faces_and_limits),
    ND_T(test_voxels_at_corner_coordinates),
    ND_T(test_voxel_edges_shaded),
    ND_T(test_stem_limits_pixels_and_pieces),
    ND_T(test_errorbar_bars_caps_limits),
    ND_T(test_text3d_and_text2d),
    ND_T(test_text3d_turns_along_zdir),
    ND_T(test_bar_at_zs_along_y),
    ND_T(test_tricontour3d_levels_heights_limits),
    ND_T(test_clabel3d_on_the_projected_line),
    ND_T(test_golden_clabel3d),
    ND_T(test_add_collection3d_juggles),
    ND_T(test_contour_sets_from_a_2d_axes),
    ND_T(test_contour_set_extend3d),
    ND_T(test_golden_kinds),
    ND_T(test_bad_input),
    { 0 },
};

ND_TEST_MAIN("plot_ax3da", tests)
