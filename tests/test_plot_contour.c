/* libnumc_plot contour, contourf, clabel, contour colorbars and 3-D contours: geometry of
 * the generated paths against analytic curves and areas, levels and saddles against
 * matplotlib / contourpy (tests/data/plot/contour.txt from scripts/gen_contour_fixtures.py),
 * rendered pixels, bad input, and two golden images reviewed next to matplotlib's
 * (scripts/mpl_contour_reference.py). */
#define _POSIX_C_SOURCE 200809L
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultsim.h"
#include "fixture.h"
#include "plot_image.h"
#include "testutil.h"

#define DATA NUMC_TEST_DATA "/plot/"
#define FIX DATA "contour.txt"
#define PI 3.14159265358979323846

/* z = x² + y² on an n x n grid over [-a, a]²: X and Y 1-D. */
typedef struct field {
    nd_array *x, *y, *z;
} field;

static field bowl(int n, double a)
{
    double *xs = malloc(sizeof(double) * n), *zs = malloc(sizeof(double) * n * n);
    for (int i = 0; i < n; i++) xs[i] = -a + 2 * a * i / (n - 1);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) zs[i * n + j] = xs[j] * xs[j] + xs[i] * xs[i];
    field f = { nd_from_f64(xs, n), nd_from_f64(xs, n), nd_from_buffer(zs, 2, (ptrdiff_t[]){ n, n }, ND_FLOAT64) };
    free(xs);
    free(zs);
    return f;
}

static void field_free(field *f)
{
    nd_free(f->x);
    nd_free(f->y);
    nd_free(f->z);
}

/* All vertices of item i of the last set (malloc'd, NaN separators kept). */
static int path_of(nplot_axes *ax, int i, double **x, double **y)
{
    int n = nplot_contour_path(ax, i, NULL, NULL, 0);
    CU_ASSERT_FATAL(n >= 0);
    *x = malloc(sizeof(double) * (n + 1));
    *y = malloc(sizeof(double) * (n + 1));
    CU_ASSERT_EQUAL(nplot_contour_path(ax, i, *x, *y, n), n);
    return n;
}

/* Shoelace area of NaN-separated polygons (signed sum: holes wound the other way count
 * negative; per-cell pieces all wind the same way). */
static double poly_area(const double *x, const double *y, int n)
{
    double area = 0;
    int s = 0;
    for (int i = 0; i <= n; i++) {
        if (i < n && isfinite(x[i])) continue;
        for (int k = s; k < i; k++) {
            int k1 = k + 1 < i ? k + 1 : s;
            area += x[k] * y[k1] - x[k1] * y[k];
        }
        s = i + 1;
    }
    return area / 2;
}

/* The area of {x² + y² <= R²} inside the square [-a, a]². */
static double disc_in_square(double R, double a)
{
    if (R <= a) return PI * R * R;
    if (R >= a * sqrt(2)) return 4 * a * a;
    double b = sqrt(R * R - a * a);
#define F(t) (((t) * sqrt(R * R - (t) * (t)) + R * R * asin((t) / R)) / 2)
    double quarter = b * a + F(a) - F(b);
#undef F
    return 4 * quarter;
}

/* ---- levels ---------------------------------------------------------------------------------- */
static void check_levels(const char *name, double zmin, double zmax, int n, bool filled, const char *extend)
{
    double z[4] = { zmin, zmax, zmax, zmin };
    nd_array *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ 2, 2 }, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_status st = filled ? nplot_contourf(ax, NULL, NULL, Z, .nlevels = n, .extend = extend)
                          : nplot_contour(ax, NULL, NULL, Z, .nlevels = n, .extend = extend);
    CU_ASSERT_EQUAL_FATAL(st, ND_OK);
    double want[64], got[64];
    char key[64];
    snprintf(key, sizeof key, "levels_%s", name);
    int nw = fixture_values(FIX, key, want, 64);
    int ng = nplot_contour_levels(ax, got, 64);
    CU_ASSERT_FATAL(nw > 0);
    CU_ASSERT_EQUAL(ng, nw);
    for (int i = 0; i < nw && i < ng; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], want[i], 1e-12 * fmax(1, fabs(want[i])));
    if (ng != nw) printf("\n%s: %d levels, matplotlib %d\n", name, ng, nw);
    nplot_figure_free(fig);
    nd_free(Z);
}

static void test_levels_from_a_count_match_matplotlib(void)
{
    check_levels("unit7", 0, 1, 7, false, NULL);
    check_levels("unit7f", 0, 1, 7, true, NULL);
    check_levels("demo10", -1.9987, 1.9987, 10, true, NULL);
    check_levels("demo10both", -1.9987, 1.9987, 10, true, "both");
    check_levels("demo10min", -1.9987, 1.9987, 10, true, "min");
    check_levels("odd20", -3.3, 17.9, 20, false, NULL);
    check_levels("odd20f", -3.3, 17.9, 20, true, "max");
    check_levels("tiny5", 1e-6, 3e-6, 5, false, NULL);
    check_levels("big3", 12345, 12399, 3, true, NULL);
    check_levels("circle20", 0, 2, 20, true, NULL);
    check_levels("neg4", -50, -1, 4, false, NULL);
}

/* ---- geometry ------------------------------------------------------------------------------- */
/* The contour of x² + y² at r² passes within half a pixel of the circle of radius r, both
 * in its vertices and in the rendered pixels. */
static void test_circle_within_half_a_pixel(void)
{
    field f = bowl(201, 2);
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 5);
    nplot_axes *ax = bare_axes(fig, -2, 2, -2, 2);
    const double r = 1.3;
    CU_ASSERT_EQUAL_FATAL(nplot_contour(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(r * r), .colors = NPLOT_STRS("k")), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(fig), ND_OK);
    double *x, *y;
    int n = path_of(ax, 0, &x, &y);
    CU_ASSERT(n > 100);
    double worst = 0, cx, cy;
    int nan = 0;
    nplot_data_to_pixel(ax, 0, 0, &cx, &cy);
    for (int i = 0; i < n; i++) {
        if (!isfinite(x[i])) {
            nan++;
            continue;
        }
        double px, py, qx, qy, t = atan2(y[i], x[i]);
        nplot_data_to_pixel(ax, x[i], y[i], &px, &py);
        nplot_data_to_pixel(ax, r * cos(t), r * sin(t), &qx, &qy);
        worst = fmax(worst, hypot(px - qx, py - qy));
    }
    CU_ASSERT(worst < 0.5);
    CU_ASSERT_EQUAL(nan, 1); /* one closed loop */
    CU_ASSERT(x[0] == x[n - 2] && y[0] == y[n - 2]);
    /* the rendered line darkens the pixels under the circle all around */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int dark = 0;
    for (int k = 0; k < 360; k++) {
        double px, py;
        nplot_data_to_pixel(ax, r * cos(k * PI / 180), r * sin(k * PI / 180), &px, &py);
        const unsigned char *p = at(&m, px, py);
        dark += p[0] < 128;
    }
    CU_ASSERT(dark >= 355);
    /* and not the pixels 3 px inside or outside it */
    int off = 0;
    for (int k = 0; k < 360; k += 5) {
        double t = k * PI / 180, px, py, qx, qy;
        nplot_data_to_pixel(ax, r * cos(t), r * sin(t), &px, &py);
        double ux = (px - cx) / hypot(px - cx, py - cy), uy = (py - cy) / hypot(px - cx, py - cy);
        qx = px + 3 * ux, qy = py + 3 * uy;
        off += at(&m, qx, qy)[0] < 200;
        qx = px - 3 * ux, qy = py - 3 * uy;
        off += at(&m, qx, qy)[0] < 200;
    }
    CU_ASSERT_EQUAL(off, 0);
    free(m.px);
    free(x);
    free(y);
    nplot_figure_free(fig);
    field_free(&f);
}

/* The bands of x² + y² have the analytic areas within 1 %: annuli, one clipped by the
 * domain, the extensions included; and they tile the domain. */
static void test_band_areas_match_the_analytic_areas(void)
{
    const double a = 2;
    field f = bowl(161, a);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    const double lev[] = { 0.25, 1, 2.25, 6 };
    CU_ASSERT_EQUAL_FATAL(nplot_contourf(ax, f.x, f.y, f.z, .levels = NPLOT_F64_ARRAY(lev, 4), .extend = "both"), ND_OK);
    /* bands: (-inf, .25], (.25, 1], (1, 2.25], (2.25, 6], (6, inf) */
    double edges[6] = { 0, 0.25, 1, 2.25, 6, 8 }, total = 0;
    for (int b = 0; b < 5; b++) {
        double *x, *y;
        int n = path_of(ax, b, &x, &y);
        double got = poly_area(x, y, n);
        double want = disc_in_square(sqrt(edges[b + 1]), a) - disc_in_square(sqrt(edges[b]), a);
        CU_ASSERT(fabs(got - want) <= 0.01 * want);
        if (!(fabs(got - want) <= 0.01 * want)) printf("\nband %d: area %g, analytic %g\n", b, got, want);
        total += got;
        free(x);
        free(y);
    }
    CU_ASSERT_DOUBLE_EQUAL(total, 4 * a * a, 1e-9);
    nplot_figure_free(fig);
    field_free(&f);
}

static int cmp4(const void *pa, const void *pb)
{
    const double *a = pa, *b = pb;
    for (int k = 0; k < 4; k++)
        if (a[k] != b[k]) return a[k] < b[k] ? -1 : 1;
    return 0;
}

/* The two band builders agree: rings (a grid without masked points) and cell pieces (one
 * NaN in a corner) give the same band areas, up to the one corner cell the NaN changes,
 * on a field full of saddles and on an integer field whose values sit exactly on the
 * levels (lines touching the border at vertices, plateaus). */
static void test_rings_and_cell_pieces_agree(void)
{
    enum { N = 61 };
    static double xs[N], z[N * N];
    for (int i = 0; i < N; i++) xs[i] = -3 + 6.0 * i / (N - 1);
    nd_array *x = nd_from_f64(xs, N);
    for (int field = 0; field < 2; field++) {
        double area[2][8];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                z[i * N + j] = field ? (double)((i * 7 + j * 3) % 5) - 2 : sin(3 * xs[j]) * cos(2 * xs[i]);
        for (int pass = 0; pass < 2; pass++) {
            if (pass) z[0] = NAN;
            nd_array *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
            nplot_figure *fig = nplot_figure_new();
            nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
            nplot_f64s lev = field ? NPLOT_F64S(-2, -1, 0, 1, 2, 3) : NPLOT_F64S(-1, -0.6, -0.2, 0.2, 0.6, 1);
            CU_ASSERT_EQUAL_FATAL(nplot_contourf(ax, x, x, Z, .levels = lev, .extend = "both"), ND_OK);
            for (int b = 0; b < 7; b++) {
                double *px, *py;
                int n = path_of(ax, b, &px, &py);
                area[pass][b] = poly_area(px, py, n);
                free(px);
                free(py);
            }
            nplot_figure_free(fig);
            nd_free(Z);
        }
        double cell = (6.0 / (N - 1)) * (6.0 / (N - 1)), total = 0;
        for (int b = 0; b < 7; b++) {
            CU_ASSERT(fabs(area[0][b] - area[1][b]) <= cell);
            if (!(fabs(area[0][b] - area[1][b]) <= cell))
                printf("\nfield %d band %d: rings %g, pieces %g\n", field, b, area[0][b], area[1][b]);
            CU_ASSERT(area[0][b] >= -1e-9);
            total += area[0][b];
        }
        CU_ASSERT_DOUBLE_EQUAL(total, 36, 1e-9);
    }
    nd_free(x);
}

/* A curvilinear grid (2-D X and Y): a quarter annulus in polar coordinates, z = r². The
 * bands are annular sectors of area (π / 4)(r2² - r1²), with rings and with cell pieces
 * (a NaN in a far corner), the pieces of whole cells merged along the grid rows. */
static void test_curvilinear_grid_band_areas(void)
{
    enum { NR = 120, NT = 200 };
    static double X[NR * NT], Y[NR * NT], Z[NR * NT];
    for (int i = 0; i < NR; i++)
        for (int j = 0; j < NT; j++) {
            double r = 0.5 + 1.5 * i / (NR - 1), t = PI / 2 * j / (NT - 1);
            X[i * NT + j] = r * cos(t), Y[i * NT + j] = r * sin(t), Z[i * NT + j] = r * r;
        }
    for (int pass = 0; pass < 2; pass++) {
        if (pass) Z[NR * NT - 1] = NAN;
        nd_array *x = nd_from_buffer(X, 2, (ptrdiff_t[]){ NR, NT }, ND_FLOAT64);
        nd_array *y = nd_from_buffer(Y, 2, (ptrdiff_t[]){ NR, NT }, ND_FLOAT64);
        nd_array *z = nd_from_buffer(Z, 2, (ptrdiff_t[]){ NR, NT }, ND_FLOAT64);
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL_FATAL(nplot_contourf(ax, x, y, z, .levels = NPLOT_F64S(0.25, 1, 2.25, 3)), ND_OK);
        const double edges[] = { 0.25, 1, 2.25, 3 };
        for (int b = 0; b < 2; b++) { /* the last band touches the NaN corner */
            double *px, *py;
            int n = path_of(ax, b, &px, &py);
            double got = fabs(poly_area(px, py, n)), want = PI / 4 * (edges[b + 1] - edges[b]);
            CU_ASSERT(fabs(got - want) <= 0.01 * want);
            if (!(fabs(got - want) <= 0.01 * want)) printf("\npass %d band %d: %g, want %g\n", pass, b, got, want);
            free(px);
            free(py);
        }
        nplot_figure_free(fig);
        nd_free(x);
        nd_free(y);
        nd_free(z);
    }
}

/* Saddle cells: the mean of the four corners decides which corners the lines join, the
 * same way contourpy's default does (fixture). */
static void test_saddles_as_contourpy(void)
{
    const char *cases[] = { "saddle_hi_centre", "saddle_lo_centre", "saddle_hi_centre_t",
                            "saddle_lo_centre_t", "saddle_skew" };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        double v[32];
        int nv = fixture_values(FIX, cases[c], v, 32);
        CU_ASSERT_FATAL(nv >= 9);
        nd_array *Z = nd_from_buffer(v + 1, 2, (ptrdiff_t[]){ 2, 2 }, ND_FLOAT64);
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL_FATAL(nplot_contour(ax, NULL, NULL, Z, .levels = NPLOT_F64S(v[0])), ND_OK);
        double *x, *y;
        int n = path_of(ax, 0, &x, &y);
        /* lines of two points: sort each line's ends, then the lines */
        double segs[8][4];
        int ns = 0;
        for (int i = 0; i + 2 < n + 1 && ns < 8; i += 3) {
            CU_ASSERT(!isfinite(x[i + 2]));
            bool swap = x[i] > x[i + 1] || (x[i] == x[i + 1] && y[i] > y[i + 1]);
            int p = swap ? i + 1 : i, q = swap ? i : i + 1;
            double s[4] = { x[p], y[p], x[q], y[q] };
            memcpy(segs[ns++], s, sizeof s);
        }
        qsort(segs, (size_t)ns, sizeof segs[0], cmp4);
        int want = (nv - 5) / 4;
        CU_ASSERT_EQUAL(ns, want);
        for (int i = 0; i < ns && i < want; i++)
            for (int k = 0; k < 4; k++) CU_ASSERT_DOUBLE_EQUAL(segs[i][k], v[5 + 4 * i + k], 1e-12);
        free(x);
        free(y);
        nplot_figure_free(fig);
        nd_free(Z);
    }
}

/* NaN points are left out: no vertex inside the hole, the filled area shrinks by about
 * the hole; corner_mask off leaves out more; an all-NaN field draws nothing. */
static void test_nan_holes_and_corner_mask(void)
{
    enum { N = 81 };
    const double a = 2;
    field f = bowl(N, a);
    double *z = nd_data(f.z);
    double xs[N];
    for (int i = 0; i < N; i++) xs[i] = -a + 2 * a * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (hypot(xs[j] - 0.8, xs[i] - 0.3) < 0.5) z[i * N + j] = NAN;
    double area[2];
    for (int cm = 0; cm < 2; cm++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL_FATAL(nplot_contourf(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0, 1, 9),
                                             .corner_mask = cm ? NPLOT_OFF : 0), ND_OK);
        area[cm] = 0;
        for (int b = 0; b < 2; b++) {
            double *x, *y;
            int n = path_of(ax, b, &x, &y);
            for (int i = 0; i < n; i++)
                if (isfinite(x[i])) CU_ASSERT(hypot(x[i] - 0.8, y[i] - 0.3) >= 0.5 - 1e-9);
            area[cm] += poly_area(x, y, n);
            free(x);
            free(y);
        }
        nplot_figure_free(fig);
    }
    double hole = PI * 0.25, cell = 4 * a * a / ((N - 1) * (N - 1));
    CU_ASSERT(area[0] < 4 * a * a - hole && area[0] > 4 * a * a - hole - 60 * cell);
    CU_ASSERT(area[1] < area[0] - 10 * cell);
    /* lines stop at the hole: open polylines (two ends on the hole's rim) */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL_FATAL(nplot_contour(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0.64)), ND_OK);
    double *x, *y;
    int n = path_of(ax, 0, &x, &y);
    CU_ASSERT(n > 10);
    CU_ASSERT(!(x[0] == x[n - 2] && y[0] == y[n - 2]));
    free(x);
    free(y);
    nplot_figure_free(fig);
    /* a mask works as NaN does */
    for (int i = 0; i < N * N; i++) z[i] = isfinite(z[i]) ? z[i] : 0;
    const ptrdiff_t shape[2] = { N, N };
    nd_array *mask = nd_zeros(2, shape, ND_BOOL);
    bool *mk = nd_data(mask);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) mk[i * N + j] = hypot(xs[j] - 0.8, xs[i] - 0.3) < 0.5;
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL_FATAL(nplot_contourf(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0, 1, 9), .mask = mask), ND_OK);
    double masked = 0;
    for (int b = 0; b < 2; b++) {
        n = path_of(ax, b, &x, &y);
        masked += poly_area(x, y, n);
        free(x);
        free(y);
    }
    CU_ASSERT_DOUBLE_EQUAL(masked, area[0], 1e-9);
    nplot_figure_free(fig);
    nd_free(mask);
    /* all NaN: nothing drawn, no error (matplotlib only warns) */
    for (int i = 0; i < N * N; i++) z[i] = NAN;
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contour(ax, f.x, f.y, f.z), ND_OK);
    CU_ASSERT_EQUAL(nplot_contourf(ax, f.x, f.y, f.z), ND_OK);
    CU_ASSERT_EQUAL(nplot_contour_levels(ax, NULL, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK); /* a getter does not fail the figure */
    CU_ASSERT_EQUAL(nplot_savefig(fig, "contour_test_allnan.png"), ND_OK);
    remove("contour_test_allnan.png");
    nplot_figure_free(fig);
    field_free(&f);
}

/* origin / extent place the grid as imshow's pixel centres or a linspace. */
static void test_origin_and_extent(void)
{
    double z[5 * 3];
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 3; j++) z[i * 3 + j] = i;
    nd_array *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ 5, 3 }, ND_FLOAT64);
    const char *origins[] = { NULL, "lower", "upper", "image", NULL };
    const double want_y[] = { 0.5, 1.0, 4.0, 4.0, 0.625 };
    for (int c = 0; c < 5; c++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        nplot_f64s ext = c ? NPLOT_F64S(0, 6, 0, 5) : (nplot_f64s){ 0, NULL };
        CU_ASSERT_EQUAL_FATAL(nplot_contour(ax, NULL, NULL, Z, .levels = NPLOT_F64S(0.5), .origin = origins[c], .extent = ext), ND_OK);
        double x[8], y[8];
        int n = nplot_contour_path(ax, 0, x, y, 8);
        CU_ASSERT_FATAL(n == 4);
        CU_ASSERT_DOUBLE_EQUAL(y[0], want_y[c], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(y[2], want_y[c], 1e-12);
        nplot_figure_free(fig);
    }
    nd_free(Z);
}

/* ---- styles -------------------------------------------------------------------------------- */
/* A one-color set dashes its negative levels: along a dashed circle a good share of the
 * pixels is background, along a solid one none is. */
static void test_negative_levels_dashed_when_monochrome(void)
{
    field f = bowl(201, 2);
    double *z = nd_data(f.z);
    for (int i = 0; i < 201 * 201; i++) z[i] -= 2;
    for (int mono = 0; mono < 2; mono++) {
        nplot_figure *fig = nplot_figure_new(.width = 5, .height = 5);
        nplot_axes *ax = bare_axes(fig, -2, 2, -2, 2);
        nplot_contour(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(-1, 1), .colors = mono ? NPLOT_STRS("k") : NPLOT_STRS("k", "#000001"));
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        int light[2] = { 0, 0 };
        for (int l = 0; l < 2; l++)
            for (int k = 0; k < 720; k++) {
                double t = k * PI / 360, r = l ? sqrt(3) : 1, px, py;
                nplot_data_to_pixel(ax, r * cos(t), r * sin(t), &px, &py);
                light[l] += at(&m, px, py)[0] > 200;
            }
        CU_ASSERT(light[1] == 0);
        if (mono) {
            CU_ASSERT(light[0] > 100);
        } else {
            CU_ASSERT(light[0] == 0);
        }
        free(m.px);
        nplot_figure_free(fig);
    }
    field_free(&f);
}

/* Colors: given colors cycle over the levels; a cmap maps the levels (lines) or the band
 * middles (bands) between the first and last level; alpha applies. */
static void test_colors_cmap_and_alpha(void)
{
    field f = bowl(101, 2);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, -2, 2, -2, 2);
    CU_ASSERT_EQUAL(nplot_contourf(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0, 1, 2, 3),
                                   .colors = NPLOT_STRS("red", "blue")), ND_OK);
    img m = render(fig);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.1, 0.1), 0xff0000, 2));  /* band (0, 1] */
    CU_ASSERT(near_rgb(at_data(&m, ax, 1.2, 0), 0x0000ff, 2));    /* (1, 2] */
    CU_ASSERT(near_rgb(at_data(&m, ax, 1.6, 0), 0xff0000, 2));    /* (2, 3]: cycled */
    CU_ASSERT(near_rgb(at_data(&m, ax, 1.9, 1.9), 0xffffff, 2));  /* above 3: not filled */
    free(m.px);
    nplot_figure_free(fig);
    /* extend with two colors more than bands: the first is the under color, the last the
     * over color (matplotlib's set_under / set_over) */
    fig = nplot_figure_new(.width = 4, .height = 4);
    ax = bare_axes(fig, -2, 2, -2, 2);
    CU_ASSERT_EQUAL(nplot_contourf(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(1, 2, 3), .extend = "both",
                                   .colors = NPLOT_STRS("red", "lime", "blue", "yellow")), ND_OK);
    m = render(fig);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.1, 0.1), 0xff0000, 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 1.2, 0), 0x00ff00, 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 1.6, 0), 0x0000ff, 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 1.9, 1.9), 0xffff00, 2));
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new(.width = 4, .height = 4);
    ax = bare_axes(fig, -2, 2, -2, 2);
    CU_ASSERT_EQUAL(nplot_contourf(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0, 1, 2), .cmap = "gray", .alpha = 0.5), ND_OK);
    m = render(fig);
    /* gray at 0.25 and 0.75 of the level range, half transparent over white */
    nplot_rgba g0, g1;
    nplot_cmap_color("gray", 0.25, &g0);
    nplot_cmap_color("gray", 0.75, &g1);
    const unsigned char *p0 = at_data(&m, ax, 0.2, 0), *p1 = at_data(&m, ax, 1.2, 0);
    CU_ASSERT(abs(p0[0] - (int)lround((g0.r * 0.5 + 0.5) * 255)) <= 2);
    CU_ASSERT(abs(p1[0] - (int)lround((g1.r * 0.5 + 0.5) * 255)) <= 2);
    free(m.px);
    nplot_figure_free(fig);
    field_free(&f);
}

/* ---- clabel ------------------------------------------------------------------------------- */
static int color_near(const img *m, double x, double y, int rad, unsigned rgb)
{
    int n = 0;
    for (int dy = -rad; dy <= rad; dy++)
        for (int dx = -rad; dx <= rad; dx++) n += near_rgb(at(m, x + dx, y + dy), rgb, 60);
    return n;
}

/* A manual label goes to the nearest contour point; the line is broken under it (no line
 * color there), the text is drawn there in the label color, the rest of the line stays. */
static void test_clabel_manual_inline_break(void)
{
    field f = bowl(201, 2);
    for (int inl = 0; inl < 2; inl++) {
        nplot_figure *fig = nplot_figure_new(.width = 5, .height = 5);
        nplot_axes *ax = bare_axes(fig, -2, 2, -2, 2);
        CU_ASSERT_EQUAL(nplot_contour(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(1), .colors = NPLOT_STRS("red"),
                                      .linewidths = NPLOT_F64S(2)), ND_OK);
        CU_ASSERT_EQUAL(nplot_clabel(ax, .manual = NPLOT_F64S(1.5, 0.05), .colors = NPLOT_STRS("blue"),
                                     .fontsize = 14, .fmt = "%.2f", .inline_labels = inl ? 0 : NPLOT_OFF), ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double px, py;
        nplot_data_to_pixel(ax, 1, 0, &px, &py);
        CU_ASSERT(color_near(&m, px, py, 12, 0x0000ff) > 10);   /* the text */
        int red_here = color_near(&m, px, py, 6, 0xff0000);
        if (inl) {
            CU_ASSERT(red_here == 0);
        } else {
            CU_ASSERT(red_here > 0);
        }
        nplot_data_to_pixel(ax, -1, 0, &px, &py);                 /* far side: intact */
        CU_ASSERT(color_near(&m, px, py, 2, 0xff0000) > 0);
        free(m.px);
        nplot_figure_free(fig);
    }
    field_free(&f);
}

/* Automatic labels: each long enough line gets one (text pixels in the label color), a
 * callback formats them, and bad uses are ND_EVALUE. */
static size_t fmt_cb(double v, int i, char *buf, size_t cap, void *ctx)
{
    (void)i;
    (*(int *)ctx)++;
    return (size_t)snprintf(buf, cap, "r=%g", sqrt(v));
}

static void test_clabel_auto_callback_and_errors(void)
{
    field f = bowl(101, 2);
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 5);
    nplot_axes *ax = bare_axes(fig, -2, 2, -2, 2);
    CU_ASSERT_EQUAL(nplot_clabel(ax), ND_EVALUE); /* no contour set */
    nplot_figure_free(fig);
    fig = nplot_figure_new(.width = 5, .height = 5);
    ax = bare_axes(fig, -2, 2, -2, 2);
    int calls = 0;
    CU_ASSERT_EQUAL(nplot_contour(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0.25, 1, 2.25), .colors = NPLOT_STRS("0.5")), ND_OK);
    CU_ASSERT_EQUAL(nplot_clabel(ax, .fn = fmt_cb, .ctx = &calls, .colors = NPLOT_STRS("blue")), ND_OK);
    CU_ASSERT_EQUAL(calls, 3);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int blue = 0;
    for (int i = 0; i < m.w * m.h; i++) blue += near_rgb(m.px + 4 * i, 0x0000ff, 60);
    CU_ASSERT(blue > 3 * 20); /* three labels */
    free(m.px);
    CU_ASSERT_EQUAL(nplot_clabel(ax, .levels = NPLOT_F64S(0.5)), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "0.5") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf(ax, f.x, f.y, f.z), ND_OK);
    CU_ASSERT_EQUAL(nplot_clabel(ax), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "filled") != NULL);
    nplot_figure_free(fig);
    field_free(&f);
}

/* ---- colorbar --------------------------------------------------------------------------------- */
/* contourf's colorbar shows its bands in their colors between the levels; contour's shows
 * a line per level in the line colors, ticks at the levels. */
static void test_colorbar_of_contour_sets(void)
{
    field f = bowl(101, 2);
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0, 2, 4, 8), .colors = NPLOT_STRS("red", "lime", "blue")), ND_OK);
    nplot_axes *cb = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, cb, 0.5, 1), 0xff0000, 2));
    CU_ASSERT(near_rgb(at_data(&m, cb, 0.5, 3), 0x00ff00, 2));
    CU_ASSERT(near_rgb(at_data(&m, cb, 0.5, 6), 0x0000ff, 2));
    double lo, hi, t[8];
    nplot_get_ylim(cb, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, 0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 8, 1e-12);
    CU_ASSERT_EQUAL(nplot_get_yticks(cb, t, 8), 4);
    free(m.px);
    nplot_figure_free(fig);

    fig = nplot_figure_new(.width = 6, .height = 4);
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contour(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(1, 2, 3), .colors = NPLOT_STRS("red", "lime", "blue"),
                                  .linewidths = NPLOT_F64S(3)), ND_OK);
    cb = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    m = render(fig);
    CU_ASSERT(near_rgb(at_data(&m, cb, 0.5, 2), 0x00ff00, 30));
    CU_ASSERT(near_rgb(at_data(&m, cb, 0.5, 1.5), 0xffffff, 2)); /* no solids between lines */
    free(m.px);
    nplot_figure_free(fig);
    field_free(&f);
}

/* ---- golden images -------------------------------------------------------------------------- */
static nd_array *demo_z(nd_array **X, nd_array **Y)
{
    enum { NX = 240, NY = 160 };
    static double xs[NX], ys[NY], z[NY * NX];
    for (int j = 0; j < NX; j++) xs[j] = -3 + 0.025 * j;
    for (int i = 0; i < NY; i++) ys[i] = -2 + 0.025 * i;
    for (int i = 0; i < NY; i++)
        for (int j = 0; j < NX; j++) {
            double x = xs[j], y = ys[i];
            z[i * NX + j] = (exp(-x * x - y * y) - exp(-(x - 1) * (x - 1) - (y - 1) * (y - 1))) * 2;
        }
    *X = nd_from_f64(xs, NX);
    *Y = nd_from_f64(ys, NY);
    return nd_from_buffer(z, 2, (ptrdiff_t[]){ NY, NX }, ND_FLOAT64);
}

static void golden(nplot_figure *fig, const char *name)
{
    char out[512], ref[512];
    bool regen = golden_output(out, sizeof out, DATA, ".", name);
    snprintf(ref, sizeof ref, DATA "%s.png", name);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    if (regen) return;
    double rms = image_rms(ref, out);
    CU_ASSERT(rms >= 0 && rms < 2.0);
    if (rms >= 0 && rms < 2.0) {
        remove(out);
    } else {
        printf("\n%s rms = %g (kept %s)\n", name, rms, out);
    }
}

/* Reviewed next to scripts/mpl_contour_reference.py's contour_clabel_mpl.png. */
static void test_golden_contour_clabel(void)
{
    nd_array *X, *Y, *Z = demo_z(&X, &Y);
    nplot_figure *fig = nplot_figure_new(.width = 4.8, .height = 3.6);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contour(ax, X, Y, Z, .levels = NPLOT_F64S(-1.5, -1, -0.5, 0, 0.5, 1, 1.5)), ND_OK);
    CU_ASSERT_EQUAL(nplot_clabel(ax, .fontsize = 8), ND_OK);
    golden(fig, "contour_clabel");
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Y);
    nd_free(Z);
}

/* Reviewed next to contourf_colorbar_mpl.png. */
static void test_golden_contourf_colorbar(void)
{
    nd_array *X, *Y, *Z = demo_z(&X, &Y);
    nplot_figure *fig = nplot_figure_new(.width = 4.8, .height = 3.6);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf(ax, X, Y, Z, .nlevels = 8, .cmap = "viridis", .extend = "both"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    golden(fig, "contourf_colorbar");
    nplot_figure_free(fig);
    nd_free(X);
    nd_free(Y);
    nd_free(Z);
}

/* ---- 3-D --------------------------------------------------------------------------------------- */
/* contour3d / contourf3d: lines at their levels, bands at an offset pane; z limits grow to
 * hold them; the 2-D functions' rules apply (and a 2-D axes is refused). */
static void test_contour3d_offset_and_zdir(void)
{
    field f = bowl(41, 2);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contour3d(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(1, 2, 4)), ND_OK);
    double lo, hi;
    CU_ASSERT_EQUAL(nplot_get_zlim(ax, &lo, &hi), ND_OK);
    CU_ASSERT(lo <= 1 && hi >= 4);
    CU_ASSERT_EQUAL(nplot_contourf3d(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0, 2, 8), .offset = -3), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_zlim(ax, &lo, &hi), ND_OK);
    CU_ASSERT(lo <= -3);
    CU_ASSERT_EQUAL(nplot_contour3d(ax, f.x, f.y, f.z, .zdir = "x", .offset = -2.5, .nlevels = 4), ND_OK);
    CU_ASSERT_EQUAL(nplot_contour3d(ax, f.x, f.y, f.z, .zdir = "w"), ND_EVALUE);
    nplot_figure_free(fig);
    /* the offset pane is painted in the band colors */
    fig = nplot_figure_new(.width = 4, .height = 4);
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf3d(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0, 2, 8), .colors = NPLOT_STRS("red", "blue"),
                                     .offset = -1), ND_OK);
    nplot_set_zlim(ax, -1, 1);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double px, py;
    CU_ASSERT_EQUAL(nplot_data_to_pixel_3d(ax, 0, 0, -1, &px, &py), ND_OK);
    CU_ASSERT(near_rgb(at(&m, px, py), 0xff0000, 24));
    CU_ASSERT_EQUAL(nplot_data_to_pixel_3d(ax, 1.7, 1.7, -1, &px, &py), ND_OK);
    CU_ASSERT(near_rgb(at(&m, px, py), 0x0000ff, 24));
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contour3d(ax, f.x, f.y, f.z), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "3-D") != NULL);
    nplot_figure_free(fig);
    field_free(&f);
}

/* ---- bad input -------------------------------------------------------------------------------- */
static void expect_fail(nd_status got, nd_status want, const char *needle)
{
    CU_ASSERT_EQUAL(got, want);
    if (needle) CU_ASSERT(strstr(nd_errmsg(), needle) != NULL);
    if (needle && !strstr(nd_errmsg(), needle)) printf("\nmessage: %s\n", nd_errmsg());
}

static void test_bad_input(void)
{
    field f = bowl(5, 1);
    nd_array *v = nd_arange(0, 5, 1, ND_FLOAT64), *v4 = nd_arange(0, 4, 1, ND_FLOAT64);
    const ptrdiff_t s15[2] = { 1, 5 }, s23[2] = { 2, 3 };
    nd_array *one = nd_zeros(2, s15, ND_FLOAT64);
    nd_array *x23 = nd_zeros(2, s23, ND_FLOAT64);
    struct {
        int which;
        nd_status want;
        const char *needle;
    } cases[] = {
        { 0, ND_ESHAPE, "Z must be 2-D, got 1" },
        { 1, ND_ESHAPE, "at least (2, 2), got (1, 5)" },
        { 2, ND_ESHAPE, "length of X (4) must match the number of columns in Z (5)" },
        { 3, ND_ESHAPE, "shapes of Y (2, 3) and Z (5, 5)" },
        { 4, ND_EVALUE, "increasing" },
        { 5, ND_EVALUE, "at least 2 levels" },
        { 6, ND_EVALUE, "extend" },
        { 7, ND_EVALUE, "nope" },
        { 8, ND_EVALUE, "both X and Y" },
        { 9, ND_EVALUE, "origin" },
        { 10, ND_EVALUE, "extent" },
        { 11, ND_EVALUE, "linestyle" },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        nd_status st = ND_OK;
        switch (cases[c].which) {
        case 0: st = nplot_contour(ax, NULL, NULL, v); break;
        case 1: st = nplot_contourf(ax, NULL, NULL, one); break;
        case 2: st = nplot_contour(ax, v4, f.y, f.z); break;
        case 3: st = nplot_contour(ax, f.x, x23, f.z); break;
        case 4: st = nplot_contour(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(0, 1, 1)); break;
        case 5: st = nplot_contourf(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(1)); break;
        case 6: st = nplot_contourf(ax, f.x, f.y, f.z, .extend = "sideways"); break;
        case 7: st = nplot_contour(ax, f.x, f.y, f.z, .colors = NPLOT_STRS("nope")); break;
        case 8: st = nplot_contour(ax, f.x, NULL, f.z); break;
        case 9: st = nplot_contour(ax, NULL, NULL, f.z, .origin = "middle"); break;
        case 10: st = nplot_contour(ax, NULL, NULL, f.z, .extent = NPLOT_F64S(0, 1, 2)); break;
        case 11: st = nplot_contour(ax, f.x, f.y, f.z, .linestyles = NPLOT_STRS("wavy")); break;
        }
        expect_fail(st, cases[c].want, cases[c].needle);
        /* the error is sticky on the figure */
        CU_ASSERT_EQUAL(nplot_figure_status(fig), cases[c].want);
        nplot_figure_free(fig);
    }
    CU_ASSERT_EQUAL(nplot_contour(NULL, NULL, NULL, f.z), ND_EVALUE);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contour(ax, NULL, NULL, NULL), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contour(ax, f.x, f.y, f.z), ND_OK);
    CU_ASSERT_EQUAL(nplot_contour_path(ax, 99, NULL, NULL, 0), ND_EINDEX);
    /* no level inside the data range: matplotlib draws the level zmin instead */
    CU_ASSERT_EQUAL(nplot_contour(ax, f.x, f.y, f.z, .levels = NPLOT_F64S(5, 6)), ND_OK);
    double lv[4];
    CU_ASSERT_EQUAL(nplot_contour_levels(ax, lv, 4), 1);
    CU_ASSERT_DOUBLE_EQUAL(lv[0], 0, 1e-15);
    nplot_figure_free(fig);
    nd_free(v);
    nd_free(v4);
    nd_free(one);
    nd_free(x23);
    field_free(&f);
}

/* Contour lines and bands of a big grid are drawn in stripes on several threads: the image
 * is the one-thread image, but for cairo choosing its coverage method per row from where
 * its surface starts (a rare edge pixel one level off). Labelled, dashed and solid levels,
 * bands alone and under lines. */
static void test_striped_drawing_matches_one_thread(void)
{
    enum { N = 400 };
    static double xs[N], z[N * N];
    for (int i = 0; i < N; i++) xs[i] = -3 + 6.0 * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            z[i * N + j] = sin(3 * xs[j]) * cos(2 * xs[i]) + 0.5 * exp(-(xs[j] * xs[j] + xs[i] * xs[i]));
    nd_array *x = nd_from_f64(xs, N), *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 2, 2, 1), *a2 = nplot_subplot(fig, 2, 2, 2);
    nplot_axes *a3 = nplot_subplot(fig, 2, 2, 3), *a4 = nplot_subplot(fig, 2, 2, 4);
    CU_ASSERT_EQUAL(nplot_contour(ax, x, x, Z, .nlevels = 20), ND_OK);
    /* filled bands, alone and under their lines */
    CU_ASSERT_EQUAL(nplot_contourf(a3, x, x, Z, .nlevels = 20, .extend = "both"), ND_OK);
    CU_ASSERT_EQUAL(nplot_contourf(a4, x, x, Z, .nlevels = 10, .cmap = "RdBu"), ND_OK);
    CU_ASSERT_EQUAL(nplot_contour(a4, x, x, Z, .nlevels = 10, .colors = NPLOT_STRS("k")), ND_OK);
    CU_ASSERT_EQUAL(nplot_contour(a2, x, x, Z, .nlevels = 20, .colors = NPLOT_STRS("k"),
                                  .linewidths = NPLOT_F64S(0.8)), ND_OK);
    CU_ASSERT_EQUAL(nplot_clabel(a2, .fontsize = 7), ND_OK);
    int prev = nd_set_num_threads(1);
    nd_array *one = nplot_figure_to_array(fig);
    nd_set_num_threads(prev < 2 ? 4 : prev);
    nd_array *many = nplot_figure_to_array(fig);
    nd_set_num_threads(prev);
    CU_ASSERT_PTR_NOT_NULL_FATAL(one);
    CU_ASSERT_PTR_NOT_NULL_FATAL(many);
    CU_ASSERT_EQUAL_FATAL(nd_size(one), nd_size(many));
    const unsigned char *a = nd_data(one), *b = nd_data(many);
    size_t n = (size_t)nd_size(one), off = 0, maxd = 0, ink = 0;
    for (size_t i = 0; i < n; i++) {
        size_t d = a[i] > b[i] ? (size_t)(a[i] - b[i]) : (size_t)(b[i] - a[i]);
        off += d != 0;
        maxd = d > maxd ? d : maxd;
        ink += a[i] != 255;
    }
    CU_ASSERT(ink > 200000); /* the lines and bands are there */
    CU_ASSERT(maxd <= 1);
    CU_ASSERT(off <= n / 10000);
    nd_free(one);
    nd_free(many);
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(Z);
}

/* savefig's PNG (deflated in stripes, several at once): read back, its pixels are the
 * rendered ones, opaque (RGB) and transparent (RGBA), and the file does not depend on the
 * number of threads. 1600 x 1200 pixels: many stripes. */
static bool file_bytes(const char *path, unsigned char **buf, long *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    fseek(f, 0, SEEK_END);
    *n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *buf = malloc((size_t)*n);
    bool ok = *buf && fread(*buf, 1, (size_t)*n, f) == (size_t)*n;
    fclose(f);
    return ok;
}

static void test_savefig_png_matches_the_pixels(void)
{
    enum { N = 300 };
    static double xs[N], z[N * N];
    for (int i = 0; i < N; i++) xs[i] = -3 + 6.0 * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) z[i * N + j] = sin(3 * xs[j]) * cos(2 * xs[i]);
    nd_array *x = nd_from_f64(xs, N), *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 200);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf(ax, x, x, Z, .nlevels = 12, .alpha = 0.6), ND_OK);
    CU_ASSERT_EQUAL(nplot_contour(ax, x, x, Z, .nlevels = 12, .colors = NPLOT_STRS("k")), ND_OK);
    nd_array *want = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_EQUAL(nd_shape(want)[0], 1200);
    CU_ASSERT_EQUAL(nd_shape(want)[1], 1600);
    const char *paths[2] = { "contour_test_png_opaque.png", "contour_test_png_alpha.png" };
    for (int t = 0; t < 2; t++) {
        CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, paths[t], .transparent = t == 1), ND_OK);
        nd_array *got = nplot_imread(paths[t]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_EQUAL(nd_ndim(got), 3);
        CU_ASSERT_EQUAL(nd_shape(got)[0], 1200);
        CU_ASSERT_EQUAL(nd_shape(got)[1], 1600);
        CU_ASSERT_EQUAL(nd_shape(got)[2], 4);
        if (nd_size(got) == nd_size(want) && nd_dtype_of(got) == ND_UINT8) {
            const unsigned char *g = nd_data(got), *w = nd_data(want);
            size_t bad = 0, translucent = 0;
            for (size_t i = 0; i < (size_t)nd_size(want); i += 4) {
                translucent += g[i + 3] != 255;
                /* opaque: the rendered pixels; transparent: the same lines over no face */
                if (t == 0) bad += memcmp(g + i, w + i, 4) != 0;
            }
            CU_ASSERT_EQUAL(bad, 0);
            CU_ASSERT(t == 0 ? translucent == 0 : translucent > 1000000);
        }
        nd_free(got);
    }
    /* one thread writes the same file */
    unsigned char *a = NULL, *b = NULL;
    long na = 0, nb = 0;
    CU_ASSERT_FATAL(file_bytes(paths[1], &a, &na));
    int prev = nd_set_num_threads(1);
    CU_ASSERT_EQUAL(nplot_savefig(fig, paths[1], .transparent = true), ND_OK);
    nd_set_num_threads(prev);
    CU_ASSERT(file_bytes(paths[1], &b, &nb));
    CU_ASSERT(na == nb && b && memcmp(a, b, (size_t)na) == 0);
    free(a);
    free(b);
    remove(paths[0]);
    remove(paths[1]);
    nd_free(want);
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(Z);
}

/* ---- allocation failures ---------------------------------------------------------------------- */
/* Every allocation of contour, contourf (rings and cell pieces), clabel, a colorbar and the
 * render failing in turn: each run ends in ND_ENOMEM or succeeds, and frees everything. */
static nd_status contour_body(void *ctx)
{
    (void)ctx;
    enum { N = 24 };
    double xs[N], z[N * N], w[N * N];
    for (int i = 0; i < N; i++) xs[i] = -2 + 4.0 * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) z[i * N + j] = w[i * N + j] = sin(2 * xs[j]) * cos(xs[i]);
    w[3 * N + 4] = NAN;
    nd_array *x = nd_from_f64(xs, N);
    nd_array *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
    nd_array *W = nd_from_buffer(w, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 50);
    nd_status st = (!x || !Z || !W || !fig) ? ND_ENOMEM : ND_OK;
    unsigned char *rgba = NULL;
    if (!st) {
        nplot_axes *ax = nplot_subplot(fig, 1, 2, 1), *a2 = nplot_subplot(fig, 1, 2, 2);
        nplot_contourf(ax, x, x, Z, .nlevels = 5, .extend = "both");
        nplot_contour(ax, x, x, Z, .nlevels = 5, .colors = NPLOT_STRS("k"));
        nplot_clabel(ax, .fontsize = 6);
        nplot_colorbar(ax);
        nplot_contourf(a2, x, x, W, .nlevels = 4);
        nplot_contour(a2, x, x, W, .nlevels = 4);
        nplot_clabel(a2, .manual = NPLOT_F64S(0, 0));
        st = nplot_figure_status(fig);
        int wd, ht;
        if (!st) st = nplot_figure_pixel_size(fig, &wd, &ht);
        if (!st && !(rgba = malloc((size_t)wd * ht * 4))) st = ND_ENOMEM;
        if (!st) st = nplot_figure_render_rgba(fig, rgba, wd, ht, wd * 4);
        if (!st) st = nplot_savefig(fig, "contour_test_fault.png");
        if (st) nd_set_error(st, "%s", nplot_figure_errmsg(fig)[0] ? nplot_figure_errmsg(fig) : nd_errmsg());
    } else {
        nd_set_error(ND_ENOMEM, "contour_body: setup");
    }
    free(rgba);
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(Z);
    nd_free(W);
    return st;
}

static void test_allocation_failures(void)
{
    faultsim_report r = faultsim_run("contour", contour_body, NULL);
    CU_ASSERT(r.ok);
    if (!r.ok) printf("\n%s\n", r.why);
    CU_ASSERT(r.runs > 20);
    remove("contour_test_fault.png");
}

static const ND_TEST tests[] = {
    ND_T(test_levels_from_a_count_match_matplotlib),
    ND_T(test_circle_within_half_a_pixel),
    ND_T(test_band_areas_match_the_analytic_areas),
    ND_T(test_rings_and_cell_pieces_agree),
    ND_T(test_curvilinear_grid_band_areas),
    ND_T(test_saddles_as_contourpy),
    ND_T(test_nan_holes_and_corner_mask),
    ND_T(test_origin_and_extent),
    ND_T(test_negative_levels_dashed_when_monochrome),
    ND_T(test_colors_cmap_and_alpha),
    ND_T(test_clabel_manual_inline_break),
    ND_T(test_clabel_auto_callback_and_errors),
    ND_T(test_colorbar_of_contour_sets),
    ND_T(test_golden_contour_clabel),
    ND_T(test_golden_contourf_colorbar),
    ND_T(test_savefig_png_matches_the_pixels),
    ND_T(test_striped_drawing_matches_one_thread),
    ND_T(test_contour3d_offset_and_zdir),
    ND_T(test_bad_input),
    ND_T(test_allocation_failures),
    { 0 },
};

ND_TEST_MAIN("plot_contour", tests)
