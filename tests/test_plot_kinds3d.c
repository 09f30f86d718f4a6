/* libnumc_plot plot kinds: pie, boxplot, hexbin, pcolormesh, scatter colorbars and the 3-D
 * axes (surface depth sorting, strides, wireframe, 3-D line and scatter). Structural,
 * font-independent checks on rendered pixels, limits and SVG output. */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define RGB(c) (int)((c).r * 255 + 0.5), (int)((c).g * 255 + 0.5), (int)((c).b * 255 + 0.5)

/* ---- pie ------------------------------------------------------------------------------------ */
static void test_pie_wedge_colors_and_angles(void)
{
    double x[2] = { 1, 3 }; /* 25 % and 75 % */
    const char *colors[2] = { "red", "blue" };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    CU_ASSERT_EQUAL(nplot_pie_xy(ax, x, 2, .colors = NPLOT_STR_ARRAY(colors, 2)), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* counterclockwise from 0 degrees: the first quarter is red (45 degrees in), the rest
     * blue (180 degrees), outside the radius is background */
    CU_ASSERT(near(at_data(&m, ax, 0.5 * 0.70710678, 0.5 * 0.70710678), 255, 0, 0, 8));
    CU_ASSERT(near(at_data(&m, ax, -0.5, 0.05), 0, 0, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, 0.3, -0.3), 0, 0, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, 1.15, 0), 255, 255, 255, 8));
    /* equal aspect: a circle, not an ellipse */
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    ND_ASSERT_CLOSE(x1 - x0, y1 - y0, 0.01);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_pie_startangle_explode_labels(void)
{
    double x[2] = { 1, 1 };
    const char *colors[2] = { "red", "blue" }, *labels[2] = { "a", "b" };
    double explode[2] = { 0.2, 0 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    CU_ASSERT_EQUAL(nplot_pie_xy(ax, x, 2, .colors = NPLOT_STR_ARRAY(colors, 2), .startangle = 90,
                                 .explode = NPLOT_F64_ARRAY(explode, 2),
                                 .labels = NPLOT_STR_ARRAY(labels, 2), .autopct = "%.0f%%"), ND_OK);
    CU_ASSERT_EQUAL(nplot_legend(ax), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* starting at 90 degrees: the first half is the left half, pushed 0.2 to the left */
    CU_ASSERT(near(at_data(&m, ax, -1.1, 0.1), 255, 0, 0, 8));
    CU_ASSERT(near(at_data(&m, ax, 0.5, -0.5), 0, 0, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, -0.1, -0.5), 255, 255, 255, 8)); /* the explode gap */
    free(m.px);
    nplot_figure_free(fig);
}

static void test_pie_bad_input(void)
{
    double neg[2] = { 1, -1 }, zero[2] = { 0, 0 }, nan_[2] = { 1, NAN }, big[2] = { 0.7, 0.6 };
    const double *bad[4] = { neg, zero, nan_, big };
    for (int i = 0; i < 4; i++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_pie_xy(ax, bad[i], 2, .normalize = i == 3 ? NPLOT_OFF : 0), ND_EVALUE);
        nplot_figure_free(fig);
    }
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_pie_xy(ax, big, 2, .autopct = "%d%%"), ND_EVALUE); /* not a double */
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *a = nd_from_f64((double[]){ 0.2, 0.3 }, 2);
    CU_ASSERT_EQUAL(nplot_pie(ax, a, .normalize = NPLOT_OFF), ND_OK); /* a partial pie */
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
    nd_free(a);
}

/* ---- boxplot -------------------------------------------------------------------------------- */
static void test_boxplot_quartiles_whiskers_fliers(void)
{
    /* 1..9 and an outlier 30: q1 = 3.25, median 5.5, q3 = 7.75 (linear), IQR 4.5, upper
     * limit 14.5 → whisker at 9, 30 a flier; lower whisker at 1 */
    double v[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 30 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, 0.5, 1.5, 0, 32);
    const double *d[1] = { v };
    size_t len[1] = { 10 };
    CU_ASSERT_EQUAL(nplot_boxplot_xy(ax, d, len, 1, .color = "blue", .mediancolor = "red",
                                     .linewidth = 2), ND_OK);
    nplot_set_xticks(ax, NULL, 0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* one box: width 0.15 (matplotlib's clip of 0.15 x the position span) */
    CU_ASSERT(near(at_data(&m, ax, 0.925, 4.5), 0, 0, 255, 40));
    CU_ASSERT(near(at_data(&m, ax, 0.96, 5.5), 255, 0, 0, 40));    /* median */
    CU_ASSERT(near(at_data(&m, ax, 0.9, 4.5), 255, 255, 255, 8));  /* left of the box */
    CU_ASSERT(near(at_data(&m, ax, 1.0, 8.5), 0, 0, 255, 40));     /* upper whisker */
    CU_ASSERT(near(at_data(&m, ax, 1.0, 11), 255, 255, 255, 8));   /* above the whisker */
    CU_ASSERT(near(at_data(&m, ax, 1.0, 2), 0, 0, 255, 40));       /* lower whisker */
    CU_ASSERT(near(at_data(&m, ax, 0.96, 7.0), 255, 255, 255, 8)); /* inside the box */
    /* the flier: an open circle around (1, 30) */
    double fx, fy;
    nplot_data_to_pixel(ax, 1, 30, &fx, &fy);
    CU_ASSERT(near(at(&m, fx, fy), 255, 255, 255, 8));
    int ring = 0;
    for (int dx = -5; dx <= 5; dx++) ring += near(at(&m, fx + dx, fy), 0, 0, 255, 60);
    CU_ASSERT(ring >= 2);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_boxplot_columns_ticks_and_limits(void)
{
    double v[12];
    for (int i = 0; i < 12; i++) v[i] = i;
    nd_array *a = nd_from_buffer(v, 2, (ptrdiff_t[]){ 4, 3 }, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_boxplot(ax, a), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double lo, hi, t[8];
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0.5);
    CU_ASSERT_EQUAL(hi, 3.5);
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 8), 3);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 2), "3");
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *b = nd_zeros(ND_SHAPE(2, 2, 2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_boxplot(ax, b), ND_ESHAPE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_boxplot(ax, a, .whis = -1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    double nanv[3] = { NAN, NAN, NAN };
    const double *d[1] = { nanv };
    size_t len[1] = { 3 };
    CU_ASSERT_EQUAL(nplot_boxplot_xy(ax, d, len, 1, .vert = NPLOT_OFF, .patch_artist = true), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
    nd_free(a);
    nd_free(b);
}

/* ---- hexbin / pcolormesh / scatter colorbar --------------------------------------------------- */
static void test_hexbin_counts_and_mincnt(void)
{
    double x[5] = { 0, 0, 0, 1, NAN }, y[5] = { 0, 0, 0, 1, 2 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *c = NULL;
    CU_ASSERT_EQUAL(nplot_hexbin_xy(ax, x, y, 5, .gridsize = 4, .counts_out = &c), ND_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    /* nx = 4, ny = int(4 / sqrt 3) = 2: 5 * 3 + 4 * 2 cells */
    CU_ASSERT_EQUAL(nd_size(c), 23);
    double v[23], total = 0, mx = 0;
    nd_to_f64(c, v);
    for (int i = 0; i < 23; i++) total += v[i], mx = fmax(mx, v[i]);
    CU_ASSERT_EQUAL(total, 4); /* the NaN point is dropped */
    CU_ASSERT_EQUAL(mx, 3);
    CU_ASSERT_EQUAL(v[0], 3);  /* (0, 0) is the first lattice's corner cell */
    nd_free(c);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    /* matplotlib 3.6: the grid corners (padded 1e-9) plus the 5 % margins */
    ND_ASSERT_CLOSE(lo, -0.05000000110000001, 1e-12);
    ND_ASSERT_CLOSE(hi, 1.0500000011000001, 1e-12);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
    fig = nplot_figure_new(.width = 3, .height = 3);
    ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    nplot_set_facecolor(ax, "red");
    CU_ASSERT_EQUAL(nplot_hexbin_xy(ax, x, y, 5, .gridsize = 4, .mincnt = 1, .cmap = "gray"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* only the two occupied cells are drawn: the 3-count one white (vmax) */
    CU_ASSERT(near(at_data(&m, ax, 0.02, 0.02), 255, 255, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, 0.5, 0.5), 255, 255, 255, 8)); /* axis off: figure white */
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hexbin_xy(ax, x, y, 5, .cmap = "nope"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *xa = nd_from_f64(x, 5), *ya = nd_from_f64(y, 4);
    CU_ASSERT_EQUAL(nplot_hexbin(ax, xa, ya), ND_ESHAPE);
    nplot_figure_free(fig);
    nd_free(xa);
    nd_free(ya);
}

static void test_hexbin_log_scales_bin_exponents(void)
{
    double x[4] = { 1, 10, 100, NAN }, y[4] = { 1, 1, 1, 1 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *c = NULL;
    CU_ASSERT_EQUAL(nplot_hexbin_xy(ax, x, y, 4, .gridsize = 2, .xscale = "log", .counts_out = &c), ND_OK);
    double v[64] = { 0 }, total = 0;
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT(nd_size(c) <= 64);
    nd_to_f64(c, v);
    for (ptrdiff_t i = 0; i < nd_size(c); i++) total += v[i];
    CU_ASSERT_EQUAL(total, 3); /* NaN is dropped */
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    /* matplotlib 3.6: decades 10^0..10^2 with 5 % margins in log space */
    ND_ASSERT_CLOSE(lo, 0.7943282307004631, 1e-9);
    ND_ASSERT_CLOSE(hi, 125.89254181714904, 1e-9);
    nd_free(c);
    nplot_figure_free(fig);
    /* matplotlib: "x contains non-positive values, so can not be log-scaled" */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    x[3] = -5;
    CU_ASSERT_EQUAL(nplot_hexbin_xy(ax, x, y, 4, .xscale = "log"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "non-positive"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hexbin_xy(ax, x, y, 4, .yscale = "logit"), ND_EVALUE);
    nplot_figure_free(fig);
}

static void test_pcolormesh_cells_and_colorbar(void)
{
    double c[6] = { 0, 1, 2, 3, 4, NAN }; /* 2 rows, 3 columns; row 0 at the bottom */
    nd_array *ca = nd_from_buffer(c, 2, (ptrdiff_t[]){ 2, 3 }, ND_FLOAT64);
    nd_array *xe = nd_from_f64((double[]){ 0, 1, 2, 4 }, 4);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
    nplot_set_facecolor(ax, "red");
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, ca, .x = xe, .cmap = "gray"), ND_OK);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0);
    CU_ASSERT_EQUAL(hi, 4);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0.5, 0.5), 0, 0, 0, 2));        /* 0 → black */
    CU_ASSERT(near(at_data(&m, ax, 1.5, 1.5), 255, 255, 255, 2));  /* 4 → white */
    CU_ASSERT(near(at_data(&m, ax, 3.0, 1.5), 255, 0, 0, 2));      /* NaN: empty */
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, ca, .y = xe), ND_ESHAPE); /* 4 edges for 2 rows */
    nplot_figure_free(fig);
    nd_free(ca);
    nd_free(xe);
}

static void test_scatter_with_c_is_a_mappable(void)
{
    double x[3] = { 0, 1, 2 }, c[3] = { 5, 6, 9 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_scatter_xy(ax, x, x, 3, .c_f64 = NPLOT_F64_ARRAY(c, 3), .cmap = "plasma");
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double lo, hi;
    nplot_get_ylim(cax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 5);
    CU_ASSERT_EQUAL(hi, 9);
    nplot_figure_free(fig);
}

/* ---- 3-D ------------------------------------------------------------------------------------- */
static nd_array *arr2(const double *v, ptrdiff_t r, ptrdiff_t c)
{
    return nd_from_buffer(v, 2, (ptrdiff_t[]){ r, c }, ND_FLOAT64);
}

/* Surface A steps from z = 0 (left third) to z = 2 (right third); surface B is flat at
 * z = 1. Seen from above, B hides A's left third and A's right third hides B, whichever
 * was added first: depth is sorted per polygon, not per surface. */
static void test_surface_depth_sorted_per_polygon(void)
{
    double xa[4] = { 0, 1, 2, 3 }, ya[2] = { 0, 1 };
    double za[8] = { 0, 0, 2, 2, 0, 0, 2, 2 }, zb[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
    nd_array *X = nd_from_f64(xa, 4), *Y = nd_from_f64(ya, 2), *ZA = arr2(za, 2, 4), *ZB = arr2(zb, 2, 4);
    nplot_rgba white, cool;
    nplot_cmap_color("gray", 1, &white);
    nplot_cmap_color("cool", 0, &cool); /* flat: vmin == vmax normalizes to 0 (matplotlib) */
    for (int order = 0; order < 2; order++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
        nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
        nplot_axis(ax, "off");
        CU_ASSERT_EQUAL(nplot_view_init(ax, 90, -90), ND_OK);
        for (int k = 0; k < 2; k++) {
            if ((k == 0) == (order == 0))
                CU_ASSERT_EQUAL(nplot_plot_surface(ax, X, Y, ZA, .cmap = "gray", .vmin = 0, .vmax = 2), ND_OK);
            if ((k == 0) != (order == 0)) CU_ASSERT_EQUAL(nplot_plot_surface(ax, X, Y, ZB, .cmap = "cool"), ND_OK);
        }
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double px, py;
        nplot_data_to_pixel_3d(ax, 0.5, 0.5, 1, &px, &py);
        CU_ASSERT(near(at(&m, px, py), RGB(cool), 3));
        nplot_data_to_pixel_3d(ax, 2.5, 0.5, 2, &px, &py);
        CU_ASSERT(near(at(&m, px, py), RGB(white), 3));
        /* seen from above, x grows to the right and y upwards */
        double x0, y0, x1, y1;
        nplot_data_to_pixel_3d(ax, 0, 0, 1, &x0, &y0);
        nplot_data_to_pixel_3d(ax, 3, 1, 1, &x1, &y1);
        CU_ASSERT(x1 > x0 && y1 < y0);
        free(m.px);
        nplot_figure_free(fig);
    }
    nd_free(X);
    nd_free(Y);
    nd_free(ZA);
    nd_free(ZB);
}

static int svg_paths(nplot_figure *fig, const char *path)
{
    if (nplot_savefig(fig, path) != ND_OK) return -1;
    char *svg = read_file(path, NULL);
    int n = svg ? count_substr(svg, "<path") : -1;
    free(svg);
    remove(path);
    return n;
}

static void test_surface_strides_polygon_count_and_colorbar(void)
{
    enum { N = 100 };
    static double z[N * N];
    double x[N];
    for (int i = 0; i < N; i++) x[i] = i;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) z[i * N + j] = sin(hypot(i / 10.0, j / 10.0));
    nd_array *X = nd_from_f64(x, N), *Z = arr2(z, N, N);
    int counts[2];
    for (int k = 0; k < 2; k++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
        nplot_axis(ax, "off");
        CU_ASSERT_EQUAL(nplot_plot_surface(ax, X, X, Z, .cmap = "viridis", .rcount = k ? 10 : 0,
                                           .ccount = k ? 10 : 0), ND_OK);
        counts[k] = svg_paths(fig, "plot_kinds_surface.svg");
        nplot_figure_free(fig);
    }
    /* rcount = ccount = 50 (default): rows 0, 2, ..., 98, 99 → 50 x 50 quads; 10 → 10 x 10 */
    CU_ASSERT(counts[0] >= 2500 && counts[0] <= 2 * 2500 + 10);
    CU_ASSERT(counts[1] >= 100 && counts[1] <= 2 * 100 + 10);
    CU_ASSERT_EQUAL((counts[0] - counts[1]) % 2400, 0); /* a fixed number of paths per quad */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    nplot_plot_surface(ax, X, X, Z, .cmap = "viridis", .vmin = -1, .vmax = 1);
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double c0, r0, c1, r1, lo, hi;
    nplot_axes_pixel_box(cax, &c0, &r0, &c1, &r1);
    nplot_rgba vlo, vhi;
    nplot_cmap_color("viridis", 0, &vlo);
    nplot_cmap_color("viridis", 1, &vhi);
    CU_ASSERT(near(at(&m, (c0 + c1) / 2, r1 - 2), RGB(vlo), 2));
    CU_ASSERT(near(at(&m, (c0 + c1) / 2, r0 + 2), RGB(vhi), 2));
    nplot_get_zlim(ax, &lo, &hi);
    CU_ASSERT(lo < -0.9 && hi > 0.9);
    free(m.px);
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Z);
}

/* Axes3D.scatter's default marker area is 20 pt² (2-D scatter: 36): at 100 dpi a black dot
 * of diameter sqrt(20) pt plus its 1 pt edge covers pi * ((sqrt(20) + 1) / 2 * 100 / 72)² =
 * 45 px, against 74 px for the 2-D default. */
static int dark_pixels_around(double s)
{
    double one = 0.5;
    nd_array *p = nd_from_f64(&one, 1);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    nplot_set_zlim(ax, 0, 1);
    nplot_scatter3d(ax, p, p, p, .color = "black", .s = s);
    double px, py;
    nplot_data_to_pixel_3d(ax, 0.5, 0.5, 0.5, &px, &py);
    img m = render(fig);
    int n = 0;
    for (int dy = -12; m.px && dy <= 12; dy++)
        for (int dx = -12; dx <= 12; dx++) {
            const unsigned char *q = at(&m, px + dx, py + dy);
            n += q[0] < 100 && q[1] < 100 && q[2] < 100;
        }
    free(m.px);
    nplot_figure_free(fig);
    nd_free(p);
    return n;
}

static void test_scatter3d_default_size_is_20(void)
{
    int def = dark_pixels_around(0), s20 = dark_pixels_around(20), s36 = dark_pixels_around(36);
    CU_ASSERT_EQUAL(def, s20);
    CU_ASSERT(def >= 38 && def <= 52);
    CU_ASSERT(s36 > def + 12);
}

/* set_zticks / set_zticklabels / zaxis formatter reach the 3-D drawing: each changes the
 * rendered pixels against the default z axis; on a 2-D axes they are ND_EVALUE. */
static unsigned char *render_z(int variant, int *w, int *h)
{
    double v[3] = { 0, 1, 2 };
    nd_array *x = nd_from_f64(v, 3);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 80);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    nplot_plot3d(ax, x, x, x);
    double t[2] = { 0.5, 1.5 };
    if (variant == 1) nplot_set_zticks(ax, NULL, 0);
    if (variant == 2) nplot_set_zticks(ax, t, 2, .labels = NPLOT_STRS("low", "high"));
    if (variant == 3) nplot_set_zformatter(ax, .kind = "printf", .fmt = "%.2f m");
    if (variant == 4) {
        nplot_set_zticks(ax, t, 2);
        const char *const labels[2] = { "low", "high" };
        nplot_set_zticklabels(ax, labels, 2);
    }
    img m = render(fig);
    *w = m.w, *h = m.h;
    nplot_figure_free(fig);
    nd_free(x);
    return m.px;
}

static void test_3d_z_ticks_and_formatter(void)
{
    int w, h;
    unsigned char *base = render_z(0, &w, &h), *v[5] = { 0 };
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    for (int k = 1; k <= 4; k++) {
        v[k] = render_z(k, &w, &h);
        CU_ASSERT_PTR_NOT_NULL_FATAL(v[k]);
        CU_ASSERT(memcmp(base, v[k], (size_t)w * h * 4) != 0);
    }
    /* ticks with labels in one call or two give the same picture */
    CU_ASSERT(memcmp(v[2], v[4], (size_t)w * h * 4) == 0);
    for (int k = 0; k <= 4; k++) free(k ? v[k] : base);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double t[1] = { 0 };
    CU_ASSERT_EQUAL(nplot_set_zticks(ax, t, 1), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "not 3-D"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_zformatter(ax, .kind = "plain"), ND_EVALUE);
    nplot_figure_free(fig);
}

static void test_3d_lines_scatter_wireframe_and_errors(void)
{
    double v[4] = { 0, 1, 2, 3 }, z[4] = { 0, 1, 0, 1 };
    nd_array *x = nd_from_f64(v, 4), *zz = nd_from_f64(z, 4), *short3 = nd_from_f64(v, 3);
    nd_array *Z = arr2((double[]){ 0, 1, 1, 0, 2, 3 }, 2, 3);
    nd_array *gx = nd_from_f64(v, 3), *gy = nd_from_f64(v, 2);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot3d(ax, x, x, zz), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot3d(ax, x, x, zz, .marker = "o", .linestyle = "--", .label = "l"), ND_OK);
    CU_ASSERT_EQUAL(nplot_scatter3d(ax, x, x, zz), ND_OK);
    CU_ASSERT_EQUAL(nplot_scatter3d(ax, x, x, zz, .c = zz, .cmap = "plasma", .label = "s"), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot_wireframe(ax, gx, gy, Z), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, gx, gy, Z), ND_OK); /* shaded single color */
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, gx, gy, Z, .cmap = "magma", .edgecolor = "k", .linewidth = 0.5),
                    ND_OK);
    CU_ASSERT_EQUAL(nplot_set_zlim(ax, -1, 4), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_zlabel(ax, "z"), ND_OK);
    CU_ASSERT_EQUAL(nplot_legend(ax), ND_OK);
    double lo, hi;
    CU_ASSERT_EQUAL(nplot_get_zlim(ax, &lo, &hi), ND_OK);
    CU_ASSERT_EQUAL(lo, -1);
    CU_ASSERT_EQUAL(hi, 4);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_kinds_3d.svg"), ND_OK);
    remove("plot_kinds_3d.svg");
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_kinds_3d.pdf"), ND_OK);
    remove("plot_kinds_3d.pdf");
    CU_ASSERT_EQUAL(nplot_plot3d(ax, x, x, short3), ND_ESHAPE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, gx, gx, Z), ND_ESHAPE); /* Y has 3 values, Z 2 rows */
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, gx, gy, Z, .cmap = "nope"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, x, x, x), ND_ESHAPE); /* Z must be 2-D */
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_view_init(ax, NAN, 0), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1); /* 2-D */
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, gx, gy, Z), ND_EVALUE);
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(zz);
    nd_free(short3);
    nd_free(Z);
    nd_free(gx);
    nd_free(gy);
}

static const ND_TEST tests[] = {
    ND_T(test_pie_wedge_colors_and_angles),
    ND_T(test_pie_startangle_explode_labels),
    ND_T(test_pie_bad_input),
    ND_T(test_boxplot_quartiles_whiskers_fliers),
    ND_T(test_boxplot_columns_ticks_and_limits),
    ND_T(test_hexbin_counts_and_mincnt),
    ND_T(test_hexbin_log_scales_bin_exponents),
    ND_T(test_pcolormesh_cells_and_colorbar),
    ND_T(test_scatter_with_c_is_a_mappable),
    ND_T(test_surface_depth_sorted_per_polygon),
    ND_T(test_surface_strides_polygon_count_and_colorbar),
    ND_T(test_3d_lines_scatter_wireframe_and_errors),
    ND_T(test_scatter3d_default_size_is_20),
    ND_T(test_3d_z_ticks_and_formatter),
    { 0 },
};

ND_TEST_MAIN("plot_kinds3d", tests)
