/* libnumc_plot 3-D axes, continued: matplotlib 3.6's projection (get_proj for views, roll,
 * persp focal lengths, ortho, box aspects and zoom), the box's pixel corners, unit cubes,
 * bar3d's faces and shading, quiver's segments, and a golden image of bar3d next to matplotlib's rendering.
 * Expected values: tests/axes3d_more_expected.h (scripts/gen_axes3d_more.py). */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axes3d_more_expected.h"
#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"

static void test_get_proj_matches_matplotlib(void)
{
    for (size_t c = 0; c < sizeof PROJ_CASES / sizeof *PROJ_CASES; c++) {
        const struct proj_case *k = &PROJ_CASES[c];
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_set_xlim(ax, k->lim[0], k->lim[1]), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_ylim(ax, k->lim[2], k->lim[3]), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_zlim(ax, k->lim[4], k->lim[5]), ND_OK);
        CU_ASSERT_EQUAL(nplot_view_init_roll(ax, k->elev, k->azim, k->roll), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_proj_type(ax, k->ortho ? "ortho" : "persp", k->focal), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_box_aspect3d(ax, k->aspect[0], k->aspect[1], k->aspect[2], k->zoom), ND_OK);
        double M[16];
        CU_ASSERT_EQUAL_FATAL(nplot_get_proj(ax, M), ND_OK);
        double worst = 0;
        for (int i = 0; i < 16; i++) worst = fmax(worst, fabs(M[i] - k->M[i]));
        if (worst > 1e-12) printf("\n  case %zu: |M - matplotlib| = %g\n", c, worst);
        CU_ASSERT(worst <= 1e-12);
        nplot_figure_free(fig);
    }
}

static void test_box_corners_in_pixels(void)
{
    enum { N = 40 };
    static double xs[N], z[N * N];
    for (int i = 0; i < N; i++) xs[i] = -5 + 10.0 * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) z[i * N + j] = sin(hypot(xs[j], xs[i]));
    nd_array *X = nd_from_f64(xs, N), *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, X, X, Z, .cmap = "viridis"), ND_OK);
    /* the same limits as matplotlib's (the box corners come from them) */
    double w[6];
    CU_ASSERT_EQUAL_FATAL(nplot_get_w_lims(ax, w), ND_OK);
    ND_ASSERT_CLOSE(w[0], -5.5, 1e-12); /* margins 0.05 */
    ND_ASSERT_CLOSE(w[3], 5.5, 1e-12);
    double worst = 0;
    for (int c = 0; c < 8; c++) {
        double px, py;
        CU_ASSERT_EQUAL(nplot_data_to_pixel_3d(ax, BOX_CORNERS[c][0], BOX_CORNERS[c][1], BOX_CORNERS[c][2], &px, &py),
                        ND_OK);
        worst = fmax(worst, fmax(fabs(px - BOX_CORNERS[c][3]), fabs(py - BOX_CORNERS[c][4])));
    }
    printf("\n  box corners: worst %.2f px from matplotlib's\n", worst);
    CU_ASSERT(worst <= 1.0);
    /* unit_cube: matplotlib's corner order over the limits; tunit_edges pairs tunit_cube's */
    double uc[24], tc[24], te[72];
    CU_ASSERT_EQUAL(nplot_unit_cube(ax, uc), ND_OK);
    CU_ASSERT_EQUAL(nplot_tunit_cube(ax, tc), ND_OK);
    CU_ASSERT_EQUAL(nplot_tunit_edges(ax, te), ND_OK);
    CU_ASSERT(uc[0] == w[0] && uc[1] == w[2] && uc[2] == w[4]);
    CU_ASSERT(uc[3 * 6] == w[1] && uc[3 * 6 + 1] == w[3] && uc[3 * 6 + 2] == w[5]);
    CU_ASSERT(memcmp(te + 6 * 4 + 3, tc + 3 * 4, sizeof(double) * 3) == 0); /* edge (0, 4) */
    double M[16];
    nplot_get_proj(ax, M);
    double wv = M[12] * uc[3] + M[13] * uc[4] + M[14] * uc[5] + M[15];
    ND_ASSERT_CLOSE(tc[3], (M[0] * uc[3] + M[1] * uc[4] + M[2] * uc[5] + M[3]) / wv, 1e-12);
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Z);
}

static nplot_figure *bars_figure(nplot_axes **out)
{
    nd_array *x = nd_from_f64((double[]){ 0, 2 }, 2), *y = nd_from_f64((double[]){ 1, 0 }, 2);
    nd_array *z = nd_from_f64((double[]){ 0, 0.5 }, 2), *dx = nd_from_f64((double[]){ 1, 0.5 }, 2);
    nd_array *dy = nd_from_f64((double[]){ 0.5, 1 }, 2), *dz = nd_from_f64((double[]){ 2, 1 }, 2);
    const char *colors[2] = { "C0", "red" };
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 4);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar3d(ax, x, y, z, dx, dy, dz, .colors = colors, .ncolors = 2), ND_OK);
    nd_array *all[] = { x, y, z, dx, dy, dz };
    for (int i = 0; i < 6; i++) nd_free(all[i]);
    *out = ax;
    return fig;
}

static void test_bar3d_faces_and_shading(void)
{
    nplot_axes *ax;
    nplot_figure *fig = bars_figure(&ax);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* the faces seen from the default view (+z, -y, +x) of both bars: their centres carry
     * matplotlib's shaded colours */
    static const int seen[3] = { 1, 2, 5 };
    for (int b = 0; b < 2; b++)
        for (int s = 0; s < 3; s++) {
            int f = 6 * b + seen[s];
            double c[3] = { 0, 0, 0 }, px, py;
            for (int v = 0; v < 4; v++)
                for (int i = 0; i < 3; i++) c[i] += BAR_VERTS[f][v][i] / 4;
            CU_ASSERT_EQUAL(nplot_data_to_pixel_3d(ax, c[0], c[1], c[2], &px, &py), ND_OK);
            const unsigned char *p = at(&m, px, py);
            int r = (int)(BAR_COLORS[f][0] * 255 + 0.5), g = (int)(BAR_COLORS[f][1] * 255 + 0.5),
                bl = (int)(BAR_COLORS[f][2] * 255 + 0.5);
            if (!near(p, r, g, bl, 3))
                printf("\n  face %d at (%.0f, %.0f): %d %d %d, matplotlib %d %d %d\n", f, px, py, p[0], p[1], p[2], r,
                       g, bl);
            CU_ASSERT(near(p, r, g, bl, 3));
        }
    /* the limits cover the cuboids (auto_scale_xyz) */
    double lo, hi;
    nplot_get_zlim(ax, &lo, &hi);
    CU_ASSERT(lo <= 0 && hi >= 2);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_quiver3d_segments(void)
{
    static const char *pivots[3] = { "tail", "middle", "tip" };
    nd_array *x = nd_from_f64((double[]){ 0, 1, 2 }, 3), *y = nd_from_f64((double[]){ 0, -1, 1 }, 3);
    nd_array *z = nd_from_f64((double[]){ 0, 0.5, 1 }, 3), *u = nd_from_f64((double[]){ 1, 0, 0.5 }, 3);
    nd_array *v = nd_from_f64((double[]){ 0, 0, -1 }, 3), *w = nd_from_f64((double[]){ 0, 0, 2 }, 3);
    for (int c = 0; c < 4; c++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
        nd_status st = c < 3 ? nplot_quiver3d(ax, x, y, z, u, v, w, .length = 2, .arrow_length_ratio = 0.25,
                                              .pivot = pivots[c])
                             : nplot_quiver3d(ax, x, y, z, u, v, w, .normalize = true);
        CU_ASSERT_EQUAL_FATAL(st, ND_OK);
        size_t n;
        const double *X, *Y, *Z;
        CU_ASSERT_EQUAL_FATAL(nplot_artist_get_data3d(nplot_get_artist(ax, 0), &n, &X, &Y, &Z), ND_OK);
        CU_ASSERT_EQUAL_FATAL(n, 18); /* 2 arrows (the zero vector is dropped) x 3 segments x 3 */
        double worst = 0;
        for (int arrow = 0; arrow < 2; arrow++)
            for (int g = 0; g < 3; g++) {
                /* matplotlib: shafts first, then the heads, two per arrow */
                int ms = g == 0 ? arrow : 2 + 2 * arrow + (g - 1);
                for (int e = 0; e < 2; e++) {
                    size_t k = (size_t)(9 * arrow + 3 * g + e);
                    const double *q = QUIVER_SEGS[c][ms][e];
                    worst = fmax(worst, fmax(fabs(X[k] - q[0]), fmax(fabs(Y[k] - q[1]), fabs(Z[k] - q[2]))));
                }
                CU_ASSERT(isnan(X[9 * arrow + 3 * g + 2]));
            }
        CU_ASSERT(worst <= 1e-12);
        nplot_figure_free(fig);
    }
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_quiver3d(ax, x, y, z, u, v, w, .pivot = "head"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "pivot 'head'") != NULL);
    nplot_figure_free(fig);
    nd_array *all[] = { x, y, z, u, v, w };
    for (int i = 0; i < 6; i++) nd_free(all[i]);
}

static void test_bar3d_vertices(void)
{
    nplot_axes *ax;
    nplot_figure *fig = bars_figure(&ax);
    size_t n;
    const double *X, *Y, *Z;
    CU_ASSERT_EQUAL_FATAL(nplot_artist_get_data3d(nplot_get_artist(ax, 0), &n, &X, &Y, &Z), ND_OK);
    CU_ASSERT_EQUAL_FATAL(n, 48);
    /* face f is (q0, q1 | q3, q2) on rows 2f, 2f + 1 */
    static const int at[4] = { 0, 1, 3, 2 };
    int bad = 0;
    for (int f = 0; f < 12; f++)
        for (int c = 0; c < 4; c++) {
            size_t k = (size_t)(4 * f + at[c]);
            bad += X[k] != BAR_VERTS[f][c][0] || Y[k] != BAR_VERTS[f][c][1] || Z[k] != BAR_VERTS[f][c][2];
        }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(nplot_artist_get_data3d(NULL, &n, &X, &Y, &Z), ND_EVALUE);
    nplot_figure_free(fig);
}

static void test_z_axis_state(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    nd_array *a = nd_from_f64((double[]){ 0, 1 }, 2), *b = nd_from_f64((double[]){ 0, 2 }, 2);
    CU_ASSERT_EQUAL(nplot_plot3d(ax, a, a, b), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_zmargin(ax, 0.1), ND_OK);
    double lo, hi;
    nplot_get_zlim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, ZSTATE[0], 1e-12);
    ND_ASSERT_CLOSE(hi, ZSTATE[1], 1e-12);
    CU_ASSERT(nplot_get_autoscalez_on(ax));
    CU_ASSERT(!nplot_zaxis_inverted(ax));
    CU_ASSERT_EQUAL(nplot_invert_zaxis(ax), ND_OK);
    nplot_get_zlim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, ZSTATE[2], 1e-12);
    ND_ASSERT_CLOSE(hi, ZSTATE[3], 1e-12);
    CU_ASSERT_EQUAL(nplot_zaxis_inverted(ax), ZSTATE_INVERTED);
    CU_ASSERT(nplot_get_autoscalez_on(ax)); /* auto=None keeps autoscaling */
    double bl, bu;
    CU_ASSERT_EQUAL(nplot_get_zbound(ax, &bl, &bu), ND_OK);
    CU_ASSERT(bl < bu);
    CU_ASSERT_EQUAL(nplot_set_zbound(ax, 0.5, NAN), ND_OK);
    nplot_get_zlim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, ZSTATE[4], 1e-12);
    ND_ASSERT_CLOSE(hi, ZSTATE[5], 1e-12);
    /* the inverted axis draws: z ticks run downwards */
    double p0x, p0y, p1x, p1y;
    CU_ASSERT_EQUAL(nplot_data_to_pixel_3d(ax, 0, 0, 0.5, &p0x, &p0y), ND_OK);
    CU_ASSERT_EQUAL(nplot_data_to_pixel_3d(ax, 0, 0, 2.2, &p1x, &p1y), ND_OK);
    CU_ASSERT(p1y > p0y);
    CU_ASSERT_EQUAL(nplot_set_autoscalez_on(ax, true), ND_OK);
    CU_ASSERT(nplot_get_autoscalez_on(ax));
    CU_ASSERT_EQUAL(nplot_set_autoscalez_on(ax, false), ND_OK);
    CU_ASSERT(!nplot_get_autoscalez_on(ax));
    CU_ASSERT_EQUAL(nplot_set_zscale(ax, "linear"), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_zscale(ax), "linear");
    CU_ASSERT_STRING_EQUAL(nplot_get_zlabel(ax), "");
    CU_ASSERT_EQUAL(nplot_set_zlabel(ax, "height"), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_zlabel(ax), "height");
    CU_ASSERT_EQUAL(nplot_axes3d_grid(ax, false), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_zscale(ax, "log"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "linear") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_zmargin(ax, -0.5), ND_EVALUE);
    nplot_figure_free(fig);
    nd_free(a);
    nd_free(b);
}

static void test_grid_off_and_axis_off(void)
{
    /* grid pixels (#b0b0b0) on the panes disappear with grid(False); axis off hides panes */
    size_t grey[3];
    for (int c = 0; c < 3; c++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
        nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
        if (c == 1) nplot_axes3d_grid(ax, false);
        if (c == 2) CU_ASSERT_EQUAL(nplot_axis(ax, "off"), ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        grey[c] = 0;
        for (int i = 0; i < m.w * m.h; i++) {
            const unsigned char *p = m.px + 4 * (size_t)i;
            grey[c] += p[0] < 215 && p[0] > 150 && abs(p[0] - p[1]) < 4 && abs(p[1] - p[2]) < 4;
        }
        free(m.px);
        nplot_figure_free(fig);
    }
    CU_ASSERT(grey[0] > 1000);
    CU_ASSERT(grey[1] < grey[0] / 4);
    CU_ASSERT(grey[2] < 50);
}

static void test_bar3d_golden(void)
{
    nplot_axes *ax;
    nplot_figure *fig = bars_figure(&ax);
    char ref[256], out[256];
    snprintf(ref, sizeof ref, GOLDEN "/axes3d_bar3d.png");
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "axes3d_bar3d");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    if (!regen) {
        double rms = image_rms(ref, out);
        if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden axes3d_bar3d: RMS %g\n", rms);
        CU_ASSERT(rms >= 0 && rms <= 2.0);
        if (rms >= 0 && rms <= 2.0) remove(out);
    }
    /* structural: red pixels (the second bar) and blue ones (the first) are both present */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    size_t red = 0, blue = 0;
    for (int i = 0; i < m.w * m.h; i++) {
        const unsigned char *p = m.px + 4 * (size_t)i;
        red += p[0] > 90 && p[1] < 20 && p[2] < 20;
        blue += p[2] > 60 && p[2] > p[0] + 40;
    }
    CU_ASSERT(red > 500 && blue > 500);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *flat = nplot_subplot(fig, 1, 2, 1), *ax = nplot_subplot_3d(fig, 1, 2, 2);
    double M[16];
    CU_ASSERT_EQUAL(nplot_get_proj(flat, M), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "nplot_get_proj") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_proj_type(ax, "fisheye", 0), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "fisheye") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_proj_type(ax, "persp", -1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_box_aspect3d(ax, 1, -1, 1, 1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    nd_array *a3 = nd_from_f64((double[]){ 0, 1, 2 }, 3), *a2 = nd_from_f64((double[]){ 0, 1 }, 2);
    CU_ASSERT_EQUAL(nplot_bar3d(ax, a3, a3, a3, a2, a2, a2), ND_ESHAPE);
    CU_ASSERT(strstr(nd_errmsg(), "nplot_bar3d") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar3d(ax, a3, a3, a3, a3, a3, a3, .color = "notacolor"), ND_EVALUE);
    nplot_figure_free(fig);
    nd_free(a3);
    nd_free(a2);
}

static const ND_TEST tests[] = {
    ND_T(test_get_proj_matches_matplotlib),
    ND_T(test_box_corners_in_pixels),
    ND_T(test_bar3d_faces_and_shading),
    ND_T(test_quiver3d_segments),
    ND_T(test_bar3d_vertices),
    ND_T(test_bar3d_golden),
    ND_T(test_z_axis_state),
    ND_T(test_grid_off_and_axis_off),
    ND_T(test_bad_input),
    { 0 },
};

ND_TEST_MAIN("plot_axes3d_more", tests)
