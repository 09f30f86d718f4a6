/* numc issue 20, "wrong or different today": colorbars in the mappable's alpha (imshow,
 * pcolormesh, scatter, contourf), the asinh scale's minor ticks and the tick choice of 3-D
 * axes, each against matplotlib 3.6's numbers (scripts/mpl_wrong_today_reference.py). */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "plot_model.h"
#include "testutil.h"

/* ---- 1. colorbar alpha --------------------------------------------------------------------- */
/* The colorbar's body at 10 %, 50 % and 90 % of its length, composited over the white figure,
 * as matplotlib 3.6 renders fig.colorbar of a viridis mappable drawn with alpha=0.5 in a
 * 4 x 4 in figure at 100 dpi (scripts/mpl_wrong_today_reference.py, "cbar_alpha"). */
static void cbar_alpha_is(nplot_figure *fig, nplot_axes *ax, const int want[3][3], const char *kind)
{
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double lo, hi;
    nplot_get_ylim(cax, &lo, &hi);
    static const double fy[3] = { 0.1, 0.5, 0.9 };
    for (int i = 0; i < 3; i++) {
        const unsigned char *p = at_data(&m, cax, 0.5, lo + fy[i] * (hi - lo));
        bool ok = near(p, want[i][0], want[i][1], want[i][2], 3);
        if (!ok)
            printf("\n  %s at %g: got %d %d %d want %d %d %d\n", kind, fy[i], p[0], p[1], p[2], want[i][0],
                   want[i][1], want[i][2]);
        CU_ASSERT(ok);
    }
    free(m.px);
}

static const int cbar_grad[3][3] = { { 163, 145, 185 }, { 143, 199, 197 }, { 221, 238, 146 } };
static const int cbar_bands[3][3] = { { 161, 155, 192 }, { 143, 199, 197 }, { 199, 234, 160 } };

static void test_colorbar_alpha_imshow(void)
{
    double z[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .cmap = "viridis", .alpha = 0.5), ND_OK);
    cbar_alpha_is(fig, ax, cbar_grad, "imshow");
    nplot_figure_free(fig);
}

static void test_colorbar_alpha_pcolormesh(void)
{
    double z[4] = { 0, 1, 2, 3 };
    nd_array *a = nd_from_f64(z, 4), *c = nd_reshape(a, 2, (ptrdiff_t[]){ 2, 2 });
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, c, .cmap = "viridis", .alpha = 0.5), ND_OK);
    cbar_alpha_is(fig, ax, cbar_grad, "pcolormesh");
    nplot_figure_free(fig);
    nd_free(c);
    nd_free(a);
}

static void test_colorbar_alpha_scatter(void)
{
    double v[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, v, v, 4, .c_f64 = { 4, v }, .cmap = "viridis", .alpha = 0.5), ND_OK);
    cbar_alpha_is(fig, ax, cbar_grad, "scatter");
    nplot_figure_free(fig);
}

static void test_colorbar_alpha_contourf(void)
{
    double zs[16];
    for (int i = 0; i < 16; i++) zs[i] = i / 4 + i % 4;
    nd_array *a = nd_from_f64(zs, 16), *Z = nd_reshape(a, 2, (ptrdiff_t[]){ 4, 4 });
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_contourf(ax, NULL, NULL, Z, .levels = NPLOT_F64S(0, 2, 4, 6), .cmap = "viridis",
                                   .alpha = 0.5),
                    ND_OK);
    cbar_alpha_is(fig, ax, cbar_bands, "contourf");
    nplot_figure_free(fig);
    nd_free(Z);
    nd_free(a);
}


static void test_colorbar_alpha_hexbin_hist2d_tripcolor(void)
{
    double x[6] = { 0, 1, 1, 2, 2, 2 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hexbin_xy(ax, x, x, 6, .gridsize = 3, .cmap = "viridis", .alpha = 0.5), ND_OK);
    cbar_alpha_is(fig, ax, cbar_grad, "hexbin");
    nplot_figure_free(fig);

    fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist2d_xy(ax, x, x, 6, .bins = 3, .cmap = "viridis", .alpha = 0.5), ND_OK);
    cbar_alpha_is(fig, ax, cbar_grad, "hist2d");
    nplot_figure_free(fig);

    double tx[4] = { 0, 1, 0, 1 }, ty[4] = { 0, 0, 1, 1 }, tc[4] = { 0, 1, 2, 3 };
    nplot_triangulation *t = nplot_triangulation_new_xy(tx, ty, 4, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *c = nd_from_f64(tc, 4);
    fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_tripcolor(ax, t, c, .cmap = "viridis", .alpha = 0.5), ND_OK);
    cbar_alpha_is(fig, ax, cbar_grad, "tripcolor");
    nplot_figure_free(fig);
    nd_free(c);
    nplot_triangulation_free(t);
}

static void test_colorbar_alpha_surface(void)
{
    double zs[9];
    for (int i = 0; i < 9; i++) zs[i] = i / 3 + i % 3;
    nd_array *a = nd_from_f64(zs, 9), *Z = nd_reshape(a, 2, (ptrdiff_t[]){ 3, 3 });
    nd_array *x = nd_arange(0, 3, 1, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, x, x, Z, .cmap = "viridis", .alpha = 0.5), ND_OK);
    cbar_alpha_is(fig, ax, cbar_grad, "surface");
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(Z);
    nd_free(a);
}

/* ---- 2. the asinh scale's minor ticks ------------------------------------------------------- */
/* AsinhScale's major (inside the view) and minor ticks on an x axis of a 6.4 x 4.8 in figure
 * (scripts/mpl_wrong_today_reference.py, "asinh_minor") */
static const struct {
    double lo, hi, lw, base;
    int nmajor;
    double major[12];
    int nminor;
    double minor[16];
} asinh_cases[] = {
    { -50, 1000, 1, 10, 6, { -10, -1, 0, 1, 10, 100 }, 10, {-50, -20, -5, -2, 2, 5, 20, 50, 200, 500} },
    { 0.5, 300, 2, 10, 3, { 1, 10, 100 }, 6, {0.5, 2, 5, 20, 50, 200} },
    { -3, 3, 1, 10, 5, { -1, -0.10000000000000001, 0, 0.10000000000000001, 1 }, 6, {-2, -0.5, -0.20000000000000001, 0.20000000000000001, 0.5, 2} },
    { -10000, -1, 10, 10, 4, { -1000, -100, -10, -1 }, 8, {-5000, -2000, -500, -200, -50, -20, -5, -2} },
    { -200, 180, 0.5, 10, 9, { -100, -10, -1, -0.10000000000000001, 0, 0.10000000000000001, 1, 10, 100 }, 13, {-200, -50, -20, -5, -2, -0.5, -0.20000000000000001, 0.20000000000000001, 0.5, 2, 5, 20, 50} },
    { -100, 5000, 1, 2, 11, { -64, -16, -4, -1, 0, 2, 8, 64, 256, 1024, 4096 }, 0, { 0 } },
    { -300, 4000, 1, 16, 7, { -256, -16, -1, 0, 1, 16, 256 }, 15, {-128, -64, -32, -8, -4, -2, 2, 4, 8, 32, 64, 128, 512, 1024, 2048} },
    { 1, 900, 1, 4, 5, { 1, 4, 16, 64, 256 }, 5, {2, 8, 32, 128, 512} },
};

static void test_asinh_minor_ticks(void)
{
    for (size_t c = 0; c < sizeof asinh_cases / sizeof asinh_cases[0]; c++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_set_xscale(ax, "asinh", .linear_width = asinh_cases[c].lw, .base = asinh_cases[c].base),
                        ND_OK);
        nplot_set_xlim(ax, asinh_cases[c].lo, asinh_cases[c].hi);
        CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(fig), ND_OK);
        double t[32];
        int n = nplot_get_xticks(ax, t, 32);
        bool ok = n == asinh_cases[c].nmajor;
        for (int i = 0; ok && i < n; i++) ok = fabs(t[i] - asinh_cases[c].major[i]) <= 1e-12 * fabs(t[i]);
        int nm = ax->xa.nminor;
        bool okm = nm == asinh_cases[c].nminor;
        for (int i = 0; okm && i < nm; i++)
            okm = fabs(ax->xa.minor_ticks[i] - asinh_cases[c].minor[i]) <= 1e-12 * fabs(ax->xa.minor_ticks[i]);
        if (!ok || !okm) {
            printf("\n  asinh [%g, %g] lw %g base %g: %d majors, %d minors:", asinh_cases[c].lo, asinh_cases[c].hi,
                   asinh_cases[c].lw, asinh_cases[c].base, n, nm);
            for (int i = 0; i < nm; i++) printf(" %g", ax->xa.minor_ticks[i]);
            printf("\n");
        }
        CU_ASSERT(ok);
        CU_ASSERT(okm);
        nplot_figure_free(fig);
    }
}

/* ---- 3. 3-D axes: tick choice --------------------------------------------------------------- */
/* The figures of scripts/mpl_wrong_today_reference.py's ticks3d section (6.4 x 4.8 in). */
static nplot_figure *ticks3d_figure(const char *which)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    double *buf = malloc(sizeof(double) * 4 * 625);
    nd_array *a[5] = { 0 };
    nd_status st = ND_EVALUE;
    if (!strcmp(which, "surface") || !strcmp(which, "surface_wide")) {
        bool wide = which[7] == '_';
        int nx = wide ? 21 : 25, ny = wide ? 13 : 25;
        double *x = buf, *y = buf + nx, *z = buf + nx + ny;
        for (int j = 0; j < nx; j++) x[j] = wide ? 0 + j * (100.0 / 20) : -3 + j * (6.0 / 24);
        for (int i = 0; i < ny; i++) y[i] = wide ? -0.5 + i * (3.0 / 12) : -3 + i * (6.0 / 24);
        for (int i = 0; i < ny; i++)
            for (int j = 0; j < nx; j++) z[i * nx + j] = wide ? x[j] * y[i] / 10.0 : sin(hypot(x[j], y[i]));
        a[0] = nd_from_f64(x, nx), a[1] = nd_from_f64(y, ny), a[2] = nd_from_f64(z, nx * ny);
        a[3] = nd_reshape(a[2], 2, (ptrdiff_t[]){ ny, nx });
        st = nplot_plot_surface(ax, a[0], a[1], a[3], .cmap = wide ? "coolwarm" : "viridis");
    } else {
        bool sc = !strcmp(which, "scatter");
        int n = sc ? 40 : 50;
        double *x = buf, *y = buf + n, *z = buf + 2 * n;
        for (int i = 0; i < n; i++) {
            double t = sc ? i : i / 49.0;
            x[i] = sc ? cos(t / 3) * t : t * 7 - 2;
            y[i] = sc ? sin(t / 3) * t : t * t * 1000;
            z[i] = sc ? t / 7 : sqrt(t) * 0.9;
        }
        a[0] = nd_from_f64(x, n), a[1] = nd_from_f64(y, n), a[2] = nd_from_f64(z, n);
        st = sc ? nplot_scatter3d(ax, a[0], a[1], a[2]) : nplot_plot3d(ax, a[0], a[1], a[2]);
    }
    CU_ASSERT_EQUAL(st, ND_OK);
    for (int i = 4; i >= 0; i--) nd_free(a[i]);
    free(buf);
    return fig;
}

static const struct {
    const char *name;
    struct {
        double lo, hi;
        int n;
        double t[10];
    } ax[3];
} ticks3d_cases[] = {
    { "surface", { { -3.2999999999999998, 3.2999999999999998, 7, { -3, -2, -1, 0, 1, 2, 3 } },
        { -3.2999999999999998, 3.2999999999999998, 7, { -3, -2, -1, 0, 1, 2, 3 } },
        { -0.89168225447893579, 0.99994651678960456, 7, { -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75 } } } },
    { "surface_wide", { { -5, 105, 6, { 0, 20, 40, 60, 80, 100 } },
        { -0.65000000000000002, 2.6499999999999999, 7, { -0.5, 0, 0.5, 1, 1.5, 2, 2.5 } },
        { -5, 25, 7, { -5, 0, 5, 10, 15, 20, 25 } } } },
    { "scatter", { { -31.453969724989044, 41.107271747657371, 8, { -30, -20, -10, 0, 10, 20, 30, 40 } },
        { -35.83689055292993, 26.581811655717882, 6, { -30, -20, -10, 0, 10, 20 } },
        { -0.27857142857142858, 5.8499999999999996, 6, { 0, 1, 2, 3, 4, 5 } } } },
    { "line", { { -2.3500000000000001, 5.3499999999999996, 8, { -2, -1, 0, 1, 2, 3, 4, 5 } },
        { -50, 1050, 6, { 0, 200, 400, 600, 800, 1000 } },
        { 0, 0.90000000000000002, 5, { 0, 0.20000000000000001, 0.40000000000000002, 0.60000000000000009, 0.80000000000000004 } } } },
};

/* the ticks a 3-D axes draws, per axis, are matplotlib's Axis3D ticks (with its limits) */
static void test_3d_tick_choice(void)
{
    for (size_t c = 0; c < sizeof ticks3d_cases / sizeof ticks3d_cases[0]; c++) {
        nplot_figure *fig = ticks3d_figure(ticks3d_cases[c].name);
        CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(fig), ND_OK);
        nplot_axes *ax = fig->axes;
        for (int k = 0; k < 3; k++) {
            double lo, hi, t[64];
            if (k == 0) nplot_get_xlim(ax, &lo, &hi);
            else if (k == 1) nplot_get_ylim(ax, &lo, &hi);
            else nplot_get_zlim(ax, &lo, &hi);
            if (fabs(lo - ticks3d_cases[c].ax[k].lo) > 1e-9 || fabs(hi - ticks3d_cases[c].ax[k].hi) > 1e-9)
                printf("\n  %s axis %d: limits %.17g %.17g\n", ticks3d_cases[c].name, k, lo, hi);
            ND_ASSERT_CLOSE(lo, ticks3d_cases[c].ax[k].lo, 1e-9);
            ND_ASSERT_CLOSE(hi, ticks3d_cases[c].ax[k].hi, 1e-9);
            int n = nplot__axis3d_ticks(ax, k, 100 / 72.0, t, 64);
            bool ok = n == ticks3d_cases[c].ax[k].n;
            for (int i = 0; ok && i < n; i++) ok = fabs(t[i] - ticks3d_cases[c].ax[k].t[i]) <= 1e-9;
            if (!ok) {
                printf("\n  %s axis %d: %d ticks:", ticks3d_cases[c].name, k, n);
                for (int i = 0; i < n && i < 64; i++) printf(" %g", t[i]);
                printf("\n");
            }
            CU_ASSERT(ok);
        }
        nplot_figure_free(fig);
    }
}

static const ND_TEST tests[] = {
    ND_T(test_colorbar_alpha_imshow),
    ND_T(test_colorbar_alpha_pcolormesh),
    ND_T(test_colorbar_alpha_scatter),
    ND_T(test_colorbar_alpha_contourf),
    ND_T(test_colorbar_alpha_hexbin_hist2d_tripcolor),
    ND_T(test_colorbar_alpha_surface),
    ND_T(test_asinh_minor_ticks),
    ND_T(test_3d_tick_choice),
    { 0 },
};
ND_TEST_MAIN("plot_wrong_today", tests)
