/* libnumc_plot irregular meshes: Triangulation (qhull Delaunay, user triangles, mask,
 * neighbors) against matplotlib's (tests/data/tri.txt from scripts/gen_tri_fixtures.py),
 * marching-triangles areas, bad input, allocation failures, and golden images of triplot,
 * tripcolor (flat and gouraud), tricontourf and plot_trisurf (reviewed next to
 * scripts/mpl_tri_reference.py's renderings). */
#define _POSIX_C_SOURCE 200809L
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultsim.h"
#include "plot_image.h"
#include "testutil.h"

#define FIXTURE NUMC_TEST_DATA "/tri.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"
#define PI 3.14159265358979323846

/* ---- helpers ---------------------------------------------------------------------------------- */
/* Errors are checked through their codes and messages: not printed. */
static void quiet(const char *msg, unsigned fpe_bits, void *ctx)
{
    (void)msg, (void)fpe_bits, (void)ctx;
}

/* A triangle's vertices sorted, as one comparable key. */
static uint64_t tri_key(const int32_t *v)
{
    int32_t a = v[0], b = v[1], c = v[2], s;
    if (a > b) s = a, a = b, b = s;
    if (b > c) s = b, b = c, c = s;
    if (a > b) s = a, a = b, b = s;
    return (uint64_t)a << 42 | (uint64_t)b << 21 | (uint64_t)c;
}

static bool ccw(const double *x, const double *y, const int32_t *v)
{
    return (x[v[1]] - x[v[0]]) * (y[v[2]] - y[v[0]]) - (y[v[1]] - y[v[0]]) * (x[v[2]] - x[v[0]]) > 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* ---- fixtures ------------------------------------------------------------------------------------ */
typedef struct tcase {
    char name[32];
    size_t n, ntri;
    double x[256], y[256];
    int mask[64];
    bool has_mask;
    int32_t tri[3 * 512], nbr[3 * 512];
} tcase;

/* The next case of the fixture file; false at its end. */
static bool read_case(FILE *f, tcase *c)
{
    memset(c, 0, sizeof *c);
    if (fscanf(f, " case %31s %zu %zu", c->name, &c->n, &c->ntri) != 3) return false;
    if (c->n > 256 || c->ntri > 512) return false;
    char tag[8];
    size_t nt = 0, nn = 0;
    while (fscanf(f, " %7s", tag) == 1 && strcmp(tag, "end")) {
        if (!strcmp(tag, "x") || !strcmp(tag, "y")) {
            double *d = tag[0] == 'x' ? c->x : c->y;
            for (size_t i = 0; i < c->n; i++)
                if (fscanf(f, "%lf", &d[i]) != 1) return false;
        } else if (!strcmp(tag, "mask")) {
            c->has_mask = true;
            for (size_t i = 0; i < c->ntri; i++)
                if (fscanf(f, "%d", &c->mask[i]) != 1) return false;
        } else {
            int32_t *d = !strcmp(tag, "tri") ? c->tri + 3 * nt++ : c->nbr + 3 * nn++;
            if (fscanf(f, "%d %d %d", &d[0], &d[1], &d[2]) != 3) return false;
        }
    }
    return nt == c->ntri && nn == c->ntri;
}

/* Our triangulation against the case: the same triangles as a set, each counter-clockwise,
 * and each triangle's neighbors the same triangles (compared by their vertex sets). */
static void check_case(const tcase *c)
{
    nd_array *x = nd_from_f64(c->x, (ptrdiff_t)c->n), *y = nd_from_f64(c->y, (ptrdiff_t)c->n);
    bool user = !strncmp(c->name, "user", 4);
    nd_array *flat = NULL, *tri = NULL, *mask = NULL;
    if (user) {
        double tv[3 * 512], mv[64];
        for (size_t i = 0; i < 3 * c->ntri; i++) tv[i] = c->tri[i];
        flat = nd_from_f64(tv, (ptrdiff_t)(3 * c->ntri));
        tri = nd_reshape(flat, ND_SHAPE((ptrdiff_t)c->ntri, 3));
        for (size_t i = 0; i < c->ntri; i++) mv[i] = c->mask[i];
        if (c->has_mask) mask = nd_from_f64(mv, (ptrdiff_t)c->ntri);
    }
    nplot_triangulation *t = nplot_triangulation_new(x, y, tri, mask);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(nplot_triangulation_ntri(t), c->ntri);
    nd_array *T = nplot_triangulation_triangles(t), *N = nplot_triangulation_neighbors(t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(T);
    CU_ASSERT_PTR_NOT_NULL_FATAL(N);
    CU_ASSERT_EQUAL(nd_dtype_of(T), ND_INT32);
    CU_ASSERT_EQUAL(nd_shape(T)[0], (ptrdiff_t)c->ntri);
    const int32_t *tv = nd_data(T), *nv = nd_data(N);
    size_t nt = c->ntri;
    /* matplotlib's .triangles keeps a user triangle as given, but its neighbors follow
     * the triangle made counter-clockwise, as ours are */
    int32_t *ft = ((tcase *)c)->tri;
    for (size_t i = 0; i < nt; i++)
        if (!ccw(c->x, c->y, ft + 3 * i)) {
            int32_t s = ft[3 * i + 1];
            ft[3 * i + 1] = ft[3 * i + 2];
            ft[3 * i + 2] = s;
        }
    uint64_t *mine = malloc(sizeof(uint64_t) * nt), *theirs = malloc(sizeof(uint64_t) * nt);
    for (size_t i = 0; i < nt; i++) {
        mine[i] = tri_key(tv + 3 * i);
        theirs[i] = tri_key(c->tri + 3 * i);
        CU_ASSERT(ccw(c->x, c->y, tv + 3 * i));
    }
    qsort(mine, nt, sizeof *mine, cmp_u64);
    qsort(theirs, nt, sizeof *theirs, cmp_u64);
    CU_ASSERT_EQUAL(memcmp(mine, theirs, sizeof(uint64_t) * nt), 0);
    /* neighbors: for each of our triangles, matplotlib's triangle with the same vertices
     * has the same neighbors across the same edges */
    size_t bad = 0;
    for (size_t i = 0; i < nt; i++) {
        size_t j = 0;
        while (j < nt && tri_key(c->tri + 3 * j) != tri_key(tv + 3 * i)) j++;
        if (j == nt) {
            bad++;
            continue;
        }
        for (int k = 0; k < 3; k++) {
            int a = tv[3 * i + k], b = tv[3 * i + (k + 1) % 3];
            /* matplotlib's neighbor across the undirected edge {a, b} */
            int theirs_nb = -2;
            for (int m = 0; m < 3; m++) {
                int p = c->tri[3 * j + m], q = c->tri[3 * j + (m + 1) % 3];
                if ((p == a && q == b) || (p == b && q == a)) theirs_nb = c->nbr[3 * j + m];
            }
            int ours = nv[3 * i + k];
            bool same = theirs_nb == -2 ? false
                        : ours < 0 || theirs_nb < 0 ? ours == theirs_nb
                                                    : tri_key(tv + 3 * ours) == tri_key(c->tri + 3 * theirs_nb);
            bad += !same;
        }
    }
    if (bad) printf("\n  %s: %zu neighbor mismatches", c->name, bad);
    CU_ASSERT_EQUAL(bad, 0);
    free(mine);
    free(theirs);
    nd_free(T);
    nd_free(N);
    nplot_triangulation_free(t);
    nd_free(x);
    nd_free(y);
    nd_free(tri);
    nd_free(flat);
    nd_free(mask);
}

static void test_triangles_neighbors_and_levels_match_matplotlib(void)
{
    FILE *f = fopen(FIXTURE, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    static tcase c;
    int n = 0;
    while (read_case(f, &c)) {
        check_case(&c);
        n++;
    }
    CU_ASSERT_EQUAL(n, 4);
    /* then the contour levels matplotlib picks from a count, filled and lines */
    double x[4] = { 0, 1, 0, 1 }, y[4] = { 0, 0, 1, 1 };
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 4, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    int filled, nl, cnt, nlev = 0;
    double zmin, zmax, want[64];
    while (fscanf(f, " levels %d %d %lf %lf %d", &filled, &nl, &zmin, &zmax, &cnt) == 5 && cnt <= 64) {
        for (int i = 0; i < cnt; i++) CU_ASSERT_EQUAL_FATAL(fscanf(f, "%lf", &want[i]), 1);
        /* the square's two triangles: z = zmin, zmax at two corners, the mean at two */
        double zv[4] = { zmin, zmax, (zmin + zmax) / 2, (zmin + zmax) / 2 };
        nd_array *z = nd_from_f64(zv, 4), *lev = NULL;
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        nd_status st = filled ? nplot_tricontourf(ax, t, z, .nlevels = nl, .levels_out = &lev)
                              : nplot_tricontour(ax, t, z, .nlevels = nl, .levels_out = &lev);
        CU_ASSERT_EQUAL(st, ND_OK);
        CU_ASSERT_PTR_NOT_NULL_FATAL(lev);
        CU_ASSERT_EQUAL(nd_size(lev), cnt);
        const double *got = nd_data(lev);
        for (int i = 0; i < cnt && i < nd_size(lev); i++) ND_ASSERT_CLOSE(got[i], want[i], 1e-12);
        nd_free(lev);
        nd_free(z);
        nplot_figure_free(fig);
        nlev++;
    }
    CU_ASSERT_EQUAL(nlev, 18);
    nplot_triangulation_free(t);
    fclose(f);
}

/* ---- Delaunay of grids ---------------------------------------------------------------------------- */
static void test_delaunay_square_grid_triangle_count(void)
{
    static const int dims[][2] = { { 2, 2 }, { 3, 4 }, { 10, 7 }, { 25, 25 } };
    for (size_t d = 0; d < sizeof dims / sizeof dims[0]; d++) {
        int n = dims[d][0], m = dims[d][1];
        double *x = malloc(sizeof(double) * (size_t)(n * m)), *y = malloc(sizeof(double) * (size_t)(n * m));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) x[i * m + j] = j, y[i * m + j] = i;
        nplot_triangulation *t = nplot_triangulation_new_xy(x, y, (size_t)(n * m), NULL, 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        CU_ASSERT_EQUAL(nplot_triangulation_ntri(t), (size_t)(2 * (n - 1) * (m - 1)));
        CU_ASSERT_EQUAL(nplot_triangulation_npoints(t), (size_t)(n * m));
        /* the triangles tile the grid: their areas add up to (n - 1)(m - 1) */
        nd_array *T = nplot_triangulation_triangles(t);
        const int32_t *v = nd_data(T);
        double area = 0;
        for (size_t i = 0; i < nplot_triangulation_ntri(t); i++) {
            const int32_t *p = v + 3 * i;
            area += ((x[p[1]] - x[p[0]]) * (y[p[2]] - y[p[0]]) - (y[p[1]] - y[p[0]]) * (x[p[2]] - x[p[0]])) / 2;
        }
        ND_ASSERT_CLOSE(area, (double)(n - 1) * (m - 1), 1e-12);
        nd_free(T);
        nplot_triangulation_free(t);
        free(x);
        free(y);
    }
}

/* Duplicate points are left out, as matplotlib does (fixture of gen_tri_fixtures' kind). */
static void test_delaunay_duplicate_points_are_left_out(void)
{
    double x[5] = { 0, 1, 0, 1, 0 }, y[5] = { 0, 0, 1, 1, 0 };
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 5, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(nplot_triangulation_ntri(t), 2);
    nd_array *T = nplot_triangulation_triangles(t);
    const int32_t *v = nd_data(T);
    for (int i = 0; i < 6; i++) CU_ASSERT(v[i] != 4);
    nd_free(T);
    nplot_triangulation_free(t);
}

/* ---- bad input -------------------------------------------------------------------------------- */
static void test_bad_triangulations_are_clear_errors(void)
{
    nd_seterrcall(quiet, NULL);
    double cx[4] = { 0, 1, 2, 3 }, cy[4] = { 0, 1, 2, 3 };
    CU_ASSERT_PTR_NULL(nplot_triangulation_new_xy(cx, cy, 4, NULL, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_triangulation: the points are collinear"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "qhull QH6154"));
    /* fewer than 3 points, or 3 with a duplicate */
    CU_ASSERT_PTR_NULL(nplot_triangulation_new_xy(cx, cy, 2, NULL, 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "at least 3 points, got 2"));
    double dx[3] = { 0, 1, 0 }, dy[3] = { 0, 1, 0 };
    CU_ASSERT_PTR_NULL(nplot_triangulation_new_xy(dx, dy, 3, NULL, 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "at least 3 distinct points"));
    /* NaN */
    double nx[3] = { 0, NAN, 1 }, ny[3] = { 0, 1, 1 };
    CU_ASSERT_PTR_NULL(nplot_triangulation_new_xy(nx, ny, 3, NULL, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "point 1 is not finite"));
    /* user triangles out of range, not integers, not (N, 3) */
    double x[3] = { 0, 1, 0 }, y[3] = { 0, 0, 1 };
    int bad[3] = { 0, 1, 3 };
    CU_ASSERT_PTR_NULL(nplot_triangulation_new_xy(x, y, 3, bad, 1));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "point index 3, outside 0..2"));
    nd_array *ax = nd_from_f64(x, 3), *ay = nd_from_f64(y, 3), *two = nd_from_f64(x, 2);
    double frac[3] = { 0, 1, 1.5 };
    nd_array *t1 = nd_from_f64(frac, 3), *tf = nd_reshape(t1, ND_SHAPE(1, 3));
    CU_ASSERT_PTR_NULL(nplot_triangulation_new(ax, two, NULL, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nplot_triangulation_new(ax, ay, tf, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "integer point indices, got 1.5"));
    CU_ASSERT_PTR_NULL(nplot_triangulation_new(ax, ay, t1, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    /* a mask of the wrong length */
    nplot_triangulation *t = nplot_triangulation_new(ax, ay, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(nplot_triangulation_set_mask(t, ay), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "one value per triangle (1), got 3"));
    /* plots: wrong value counts, gouraud with face values, unknown shading, 2-D trisurf */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *a2 = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_tripcolor(a2, t, two), ND_ESHAPE);
    nplot_figure_free(fig);
    double one = 1;
    nd_array *face = nd_from_f64(&one, 1);
    fig = nplot_figure_new();
    a2 = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_tripcolor(a2, t, face, .shading = "gouraud"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "gouraud"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a2 = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_tripcolor(a2, t, ay, .shading = "smooth"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a2 = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_tricontourf(a2, t, ay, .levels = NPLOT_F64S(0.5)), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a2 = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_tricontour(a2, t, ay, .levels = NPLOT_F64S(0.5, 0.2)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "increasing"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a2 = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_trisurf(a2, t, ay), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_triplot(a2, NULL), ND_EVALUE); /* the figure's sticky error */
    nplot_figure_free(fig);
    nplot_triangulation_free(t);
    nd_free(face);
    nd_free(ax);
    nd_free(ay);
    nd_free(two);
    nd_free(tf);
    nd_free(t1);
    nd_seterrcall(NULL, NULL);
}

/* ---- masks ------------------------------------------------------------------------------------ */
static void test_mask_drops_neighbors(void)
{
    double x[4] = { 0, 1, 0, 1 }, y[4] = { 0, 0, 1, 1 };
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 4, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *N = nplot_triangulation_neighbors(t);
    const int32_t *nv = nd_data(N);
    int linked = 0;
    for (int i = 0; i < 6; i++) linked += nv[i] >= 0;
    CU_ASSERT_EQUAL(linked, 2); /* the diagonal, seen from both sides */
    nd_free(N);
    bool m[2] = { true, false };
    nd_array *mask = nd_empty(ND_SHAPE(2), ND_BOOL);
    memcpy(nd_data(mask), m, 2);
    CU_ASSERT_EQUAL(nplot_triangulation_set_mask(t, mask), ND_OK);
    N = nplot_triangulation_neighbors(t);
    nv = nd_data(N);
    for (int i = 0; i < 6; i++) CU_ASSERT_EQUAL(nv[i], -1);
    nd_free(N);
    CU_ASSERT_EQUAL(nplot_triangulation_set_mask(t, NULL), ND_OK);
    N = nplot_triangulation_neighbors(t);
    nv = nd_data(N);
    linked = 0;
    for (int i = 0; i < 6; i++) linked += nv[i] >= 0;
    CU_ASSERT_EQUAL(linked, 2);
    nd_free(N);
    nd_free(mask);
    nplot_triangulation_free(t);
}

/* ---- marching triangles ------------------------------------------------------------------------- */
/* The area of the polygons of a patches collection, read back from the figure's SVG is
 * overkill: the band areas come from rendering each band alone in a solid color and
 * counting pixels. With z = x on the unit square the band a <= z <= b has area b - a. */
static double band_fraction(nplot_triangulation *t, const nd_array *z, double lo, double hi)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 1, 0, 1);
    nplot_set_facecolor(ax, "white");
    nplot_tricontourf(ax, t, z, .levels = NPLOT_F64_ARRAY(((double[]){ lo, hi }), 2), .colors = "black");
    img m = render(fig);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double dark = 0, all = 0;
    for (int r = (int)ceil(y0) + 1; r < (int)y1 - 1; r++)
        for (int c = (int)ceil(x0) + 1; c < (int)x1 - 1; c++) {
            dark += at(&m, c, r)[0] < 128;
            all += 1;
        }
    free(m.px);
    nplot_figure_free(fig);
    return dark / all;
}

static void test_tricontourf_band_areas(void)
{
    /* a 9 x 9 grid on the unit square; z = x + y (linear: marching triangles is exact) */
    double x[81], y[81], zv[81];
    for (int i = 0; i < 9; i++)
        for (int j = 0; j < 9; j++) x[i * 9 + j] = j / 8.0, y[i * 9 + j] = i / 8.0, zv[i * 9 + j] = (x[i * 9 + j] + y[i * 9 + j]) / 2;
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 81, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *z = nd_from_f64(zv, 81);
    /* (x + y) / 2 <= h cuts a corner triangle of area 2 h^2 for h <= 1/2 */
    ND_ASSERT_CLOSE(band_fraction(t, z, 0, 0.25), 2 * 0.25 * 0.25, 0.01);
    ND_ASSERT_CLOSE(band_fraction(t, z, 0.25, 0.75), 1 - 4 * 0.25 * 0.25, 0.01);
    ND_ASSERT_CLOSE(band_fraction(t, z, 0.5, 1.0), 0.5, 0.01);
    /* the levels chosen from a count: matplotlib's (MaxNLocator(5) over 0..1) */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *lev = NULL;
    CU_ASSERT_EQUAL(nplot_tricontourf(ax, t, z, .nlevels = 4, .levels_out = &lev), ND_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lev);
    CU_ASSERT_EQUAL(nd_size(lev), 6);
    ND_ASSERT_CLOSE(((double *)nd_data(lev))[1], 0.2, 1e-12);
    nd_free(lev);
    /* line contours: the same levels (those at 0 and 1 draw nothing) */
    CU_ASSERT_EQUAL(nplot_tricontour(ax, t, z, .nlevels = 4, .levels_out = &lev), ND_OK);
    CU_ASSERT_EQUAL(nd_size(lev), 6);
    nd_free(lev);
    nplot_figure_free(fig);
    nd_free(z);
    nplot_triangulation_free(t);
}

/* A band with a hole: z = x^2 + y^2 on a grid over [-1, 1]^2, the band 0.2..0.6 is an
 * annulus. Half transparent, the ring is blended once and the hole stays empty (the rings
 * are one polygon with a hole, not a disc painted over a disc). Its area is pi (0.6 - 0.2). */
static void test_tricontourf_band_with_hole(void)
{
    enum { G = 41 };
    static double x[G * G], y[G * G], zv[G * G];
    for (int i = 0; i < G; i++)
        for (int j = 0; j < G; j++) {
            x[i * G + j] = -1 + 2.0 * j / (G - 1), y[i * G + j] = -1 + 2.0 * i / (G - 1);
            zv[i * G + j] = x[i * G + j] * x[i * G + j] + y[i * G + j] * y[i * G + j];
        }
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, G * G, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *z = nd_from_f64(zv, G * G);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, -1, 1, -1, 1);
    CU_ASSERT_EQUAL(nplot_tricontourf(ax, t, z, .levels = NPLOT_F64S(0.2, 0.6), .colors = "black",
                                      .alpha = 0.5), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0, 0), 255, 255, 255, 2));    /* the hole */
    CU_ASSERT(near(at_data(&m, ax, 0.9, 0.9), 255, 255, 255, 2)); /* outside */
    CU_ASSERT(near(at_data(&m, ax, 0.63, 0), 128, 128, 128, 3));   /* the ring, blended once */
    CU_ASSERT(near(at_data(&m, ax, 0, -0.63), 128, 128, 128, 3));
    double x0, y0, x1, y1, grey = 0, all = 0;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    for (int r = (int)ceil(y0) + 1; r < (int)y1 - 1; r++)
        for (int c = (int)ceil(x0) + 1; c < (int)x1 - 1; c++) {
            grey += at(&m, c, r)[0] < 192;
            all += 1;
        }
    ND_ASSERT_CLOSE(grey / all * 4, PI * 0.4, 0.02);
    free(m.px);
    nplot_figure_free(fig);
    nd_free(z);
    nplot_triangulation_free(t);
}

/* The iso-line z = 0.5 of z = x on the unit grid is one polyline x = 0.5 from y = 0 to 1. */
static void test_tricontour_line_position(void)
{
    double x[25], y[25], zv[25];
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) x[i * 5 + j] = j / 4.0, y[i * 5 + j] = i / 4.0, zv[i * 5 + j] = j / 4.0;
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 25, NULL, 0);
    nd_array *z = nd_from_f64(zv, 25);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, 0, 1, 0, 1);
    CU_ASSERT_EQUAL(nplot_tricontour(ax, t, z, .levels = NPLOT_F64S(0.6), .colors = "red",
                                     .linewidths = 2), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0.6, 0.5), 255, 0, 0, 40));
    CU_ASSERT(near(at_data(&m, ax, 0.6, 0.1), 255, 0, 0, 40));
    CU_ASSERT(near(at_data(&m, ax, 0.5, 0.5), 255, 255, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, 0.7, 0.5), 255, 255, 255, 8));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(z);
    nplot_triangulation_free(t);
}

/* ---- golden images -------------------------------------------------------------------------------- */
/* matplotlib's tricontour demo mesh (scripts/mpl_tri_reference.py): rings of points,
 * z = cos(r) cos(3 a), the triangles around the centre masked. */
typedef struct demo {
    nplot_triangulation *t;
    nd_array *z;
} demo;

static demo demo_mesh(void)
{
    enum { NA = 24, NR = 6 };
    double x[NA * NR], y[NA * NR], z[NA * NR];
    for (int i = 0; i < NA; i++)
        for (int j = 0; j < NR; j++) {
            double r = 0.25 + (0.95 - 0.25) * j / (NR - 1);
            double a = 2 * PI * i / NA + (j % 2 ? PI / NA : 0);
            x[i * NR + j] = r * cos(a);
            y[i * NR + j] = r * sin(a);
            z[i * NR + j] = cos(r) * cos(3 * a);
        }
    demo d = { nplot_triangulation_new_xy(x, y, NA * NR, NULL, 0), nd_from_f64(z, NA * NR) };
    CU_ASSERT_PTR_NOT_NULL_FATAL(d.t);
    nd_array *T = nplot_triangulation_triangles(d.t);
    size_t nt = nplot_triangulation_ntri(d.t);
    nd_array *mask = nd_empty(ND_SHAPE((ptrdiff_t)nt), ND_BOOL);
    const int32_t *v = nd_data(T);
    bool *m = nd_data(mask);
    for (size_t k = 0; k < nt; k++) {
        const int32_t *p = v + 3 * k;
        double cx = (x[p[0]] + x[p[1]] + x[p[2]]) / 3, cy = (y[p[0]] + y[p[1]] + y[p[2]]) / 3;
        m[k] = hypot(cx, cy) < 0.25;
    }
    CU_ASSERT_EQUAL(nplot_triangulation_set_mask(d.t, mask), ND_OK);
    nd_free(T);
    nd_free(mask);
    return d;
}

static void golden_check(nplot_figure *fig, const char *name)
{
    golden_compare(fig, GOLDEN, name, 2.0);
}

static void test_golden_images(void)
{
    demo d = demo_mesh();
    static const char *names[] = { "tri_triplot", "tri_tripcolor_flat", "tri_tripcolor_gouraud",
                                   "tri_tricontourf", "tri_trisurf" };
    for (int k = 0; k < 5; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
        nplot_axes *ax = k == 4 ? nplot_subplot_3d(fig, 1, 1, 1) : nplot_subplot(fig, 1, 1, 1);
        if (k != 4) nplot_set_aspect(ax, 1);
        nd_status st = ND_OK;
        switch (k) {
        case 0: st = nplot_triplot(ax, d.t, .fmt = "bo-", .linewidth = 1, .markersize = 3); break;
        case 1: st = nplot_tripcolor(ax, d.t, d.z, .shading = "flat"); break;
        case 2: st = nplot_tripcolor(ax, d.t, d.z, .shading = "gouraud"); break;
        case 3:
            st = nplot_tricontourf(ax, d.t, d.z, .nlevels = 8);
            if (!st) st = nplot_tricontour(ax, d.t, d.z, .nlevels = 8, .colors = "k", .linewidths = 0.5);
            break;
        default: st = nplot_plot_trisurf(ax, d.t, d.z, .cmap = "viridis"); break;
        }
        CU_ASSERT_EQUAL(st, ND_OK);
        golden_check(fig, names[k]);
        nplot_figure_free(fig);
    }
    nplot_triangulation_free(d.t);
    nd_free(d.z);
}

/* Structural checks of the pictures: flat colors a masked triangle not at all, gouraud is
 * smooth where flat steps, tripcolor is a mappable a colorbar takes. */
static void test_tripcolor_mask_and_colorbar(void)
{
    demo d = demo_mesh();
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, -1, 1, -1, 1);
    CU_ASSERT_EQUAL(nplot_tripcolor(ax, d.t, d.z, .cmap = "gray", .vmin = -1, .vmax = 1), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0, 0), 255, 255, 255, 2));    /* masked centre */
    CU_ASSERT(near(at_data(&m, ax, 0.98, 0.98), 255, 255, 255, 2)); /* outside the hull */
    /* z = cos(r) cos(3a) > 0.5 at a = 0, r = 0.6: a light gray */
    const unsigned char *p = at_data(&m, ax, 0.6, 0.0);
    CU_ASSERT(p[0] > 180 && p[0] == p[1]);
    free(m.px);
    nplot_figure_free(fig);
    nplot_triangulation_free(d.t);
    nd_free(d.z);
}

/* Flat tripcolor with edges: the shared diagonal of the square's two triangles is stroked. */
static void test_tripcolor_edges(void)
{
    double x[4] = { 0, 1, 0, 1 }, y[4] = { 0, 0, 1, 1 }, fv[2] = { 0, 1 };
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 4, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *face = nd_from_f64(fv, 2);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, 0, 1, 0, 1);
    CU_ASSERT_EQUAL(nplot_tripcolor(ax, t, NULL, .facecolors = face, .cmap = "gray",
                                    .edgecolors = "red", .linewidths = 4), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* Delaunay splits the square along one diagonal: the red stroke is on one of them */
    bool d1 = near(at_data(&m, ax, 0.5, 0.5), 255, 0, 0, 60);
    CU_ASSERT(d1);
    /* the faces: black (0) and white (1) away from the edges */
    nd_array *T = nplot_triangulation_triangles(t);
    const int32_t *v = nd_data(T);
    double cx = (x[v[0]] + x[v[1]] + x[v[2]]) / 3, cy = (y[v[0]] + y[v[1]] + y[v[2]]) / 3;
    CU_ASSERT(near(at_data(&m, ax, cx, cy), 0, 0, 0, 8));
    CU_ASSERT(near(at_data(&m, ax, 1 - cx, 1 - cy), 255, 255, 255, 8));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(T);
    nd_free(face);
    nplot_triangulation_free(t);
}

/* plot_trisurf seen from above: one uniformly lit color on the unmasked triangles, the pane
 * behind where a triangle is masked; with a cmap it is a mappable. */
static void test_trisurf_mask_and_shading(void)
{
    double x[4] = { 0, 1, 0, 1 }, y[4] = { 0, 0, 1, 1 };
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 4, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *T = nplot_triangulation_triangles(t);
    const int32_t *v = nd_data(T);
    /* mask the triangle holding the corner (1, 0) */
    int hide = (v[0] == 1 || v[1] == 1 || v[2] == 1) ? 0 : 1;
    nd_array *mask = nd_zeros(ND_SHAPE(2), ND_BOOL);
    ((bool *)nd_data(mask))[hide] = true;
    CU_ASSERT_EQUAL(nplot_triangulation_set_mask(t, mask), ND_OK);
    double zv[4] = { 0, 0, 0, 0 };
    nd_array *z = nd_from_f64(zv, 4);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    nplot_view_init(ax, 90, -90);
    CU_ASSERT_EQUAL(nplot_plot_trisurf(ax, t, z, .color = "red"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double px, py;
    nplot_data_to_pixel_3d(ax, 0.2, 0.7, 0, &px, &py); /* the shown triangle */
    const unsigned char *shown = at(&m, px, py);
    CU_ASSERT(shown[0] > 100 && shown[1] < 20 && shown[2] < 20);
    /* a flat face lit from altitude 19.47 degrees: 0.3 + 0.7 (sin(alt) + 1) / 2 of red */
    CU_ASSERT(abs(shown[0] - (int)(255 * (0.3 + 0.7 * (1.0 / 3 + 1) / 2) + 0.5)) <= 3);
    nplot_data_to_pixel_3d(ax, 0.8, 0.3, 0, &px, &py); /* the masked one */
    const unsigned char *masked = at(&m, px, py);
    CU_ASSERT(!(masked[0] > 100 && masked[1] < 20));
    free(m.px);
    nplot_figure_free(fig);
    /* with a cmap: a mappable a colorbar takes */
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_trisurf(ax, t, z, .cmap = "viridis"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    nplot_figure_free(fig);
    nd_free(z);
    nd_free(mask);
    nd_free(T);
    nplot_triangulation_free(t);
}

/* ---- allocation failures ---------------------------------------------------------------------- */
static nd_status tri_body(void *ctx)
{
    (void)ctx;
    double x[16], y[16], z[16];
    for (int i = 0; i < 16; i++) x[i] = i % 4, y[i] = i / 4, z[i] = x[i] * y[i];
    nplot_triangulation *t = nplot_triangulation_new_xy(x, y, 16, NULL, 0);
    if (!t) return nd_last_error();
    nd_status st = ND_OK;
    nd_array *zz = nd_from_f64(z, 16), *N = NULL;
    nplot_figure *fig = NULL;
    if (!zz) {
        st = nd_last_error();
        goto done;
    }
    if (!(N = nplot_triangulation_neighbors(t))) {
        st = nd_last_error();
        goto done;
    }
    fig = nplot_figure_new();
    if (!fig) {
        st = nd_last_error();
        goto done;
    }
    nplot_axes *ax = nplot_subplot(fig, 1, 2, 1), *ax3 = ax ? nplot_subplot_3d(fig, 1, 2, 2) : NULL;
    if (!ax || !ax3) {
        st = nd_last_error();
        goto done;
    }
    if ((st = nplot_triplot(ax, t)) || (st = nplot_tripcolor(ax, t, zz)) ||
        (st = nplot_tripcolor(ax, t, zz, .shading = "gouraud")) || (st = nplot_tricontour(ax, t, zz)) ||
        (st = nplot_tricontourf(ax, t, zz)) || (st = nplot_plot_trisurf(ax3, t, zz)))
        goto done;
    if (nplot_triangulation_ntri(t) != 18) st = ND_EVALUE;
done:
    nplot_figure_free(fig);
    nd_free(N);
    nd_free(zz);
    nplot_triangulation_free(t);
    return st;
}

static void test_allocation_failures(void)
{
    nd_seterrcall(quiet, NULL);
    faultsim_report r = faultsim_run("tri", tri_body, NULL);
    nd_seterrcall(NULL, NULL);
    if (!r.ok) printf("\n  %s", r.why);
    CU_ASSERT(r.ok);
    CU_ASSERT(r.runs > 20);
}

static const ND_TEST tests[] = {
    ND_T(test_triangles_neighbors_and_levels_match_matplotlib),
    ND_T(test_delaunay_square_grid_triangle_count),
    ND_T(test_delaunay_duplicate_points_are_left_out),
    ND_T(test_bad_triangulations_are_clear_errors),
    ND_T(test_mask_drops_neighbors),
    ND_T(test_tricontourf_band_areas),
    ND_T(test_tricontourf_band_with_hole),
    ND_T(test_tricontour_line_position),
    ND_T(test_golden_images),
    ND_T(test_tripcolor_mask_and_colorbar),
    ND_T(test_tripcolor_edges),
    ND_T(test_trisurf_mask_and_shading),
    ND_T(test_allocation_failures),
    { 0 },
};

ND_TEST_MAIN("plot_tri", tests)
