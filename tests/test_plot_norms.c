/* libnumc_plot norms (Normalize, LogNorm, SymLogNorm, PowerNorm, TwoSlopeNorm, CenteredNorm,
 * AsinhNorm, BoundaryNorm, NoNorm) against matplotlib 3.6 (tests/data/norms.txt from
 * scripts/gen_norm_fixtures.py), their bad input, the colors they give color-mapped
 * artists, and colorbars: extend triangles, cax and location, BoundaryNorm segments,
 * alpha, golden images (tests/data/plot/norm_*.png, reviewed next to matplotlib's
 * renderings from scripts/mpl_norm_reference.py). */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "plot_image.h"
#include "testutil.h"

#define NORMS NUMC_TEST_DATA "/norms.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"

/* ---- norm(values) and norm.inverse against matplotlib ------------------------------------ */
static const double b6[6] = { -1, 0, 1, 2, 5, 10 }, b2[2] = { 0, 10 };
#define B6 { 6, b6 }
static const struct {
    const char *name;
    nplot_norm norm;
} cases[] = {
    { "lin", { .kind = NPLOT_NORM_LINEAR } },
    { "lin_set", { .kind = NPLOT_NORM_LINEAR, .vmin = -1, .vmax = 10 } },
    { "lin_clip", { .kind = NPLOT_NORM_LINEAR, .vmin = -1, .vmax = 10, .clip = true } },
    { "log", { .kind = NPLOT_NORM_LOG } },
    { "log_set", { .kind = NPLOT_NORM_LOG, .vmin = 1, .vmax = 100 } },
    { "log_clip", { .kind = NPLOT_NORM_LOG, .vmin = 1, .vmax = 100, .clip = true } },
    { "symlog", { .kind = NPLOT_NORM_SYMLOG, .linthresh = 1 } },
    { "symlog_set", { .kind = NPLOT_NORM_SYMLOG, .linthresh = 0.5, .linscale = 2, .base = 2, .vmin = -5,
                      .vmax = 100 } },
    { "power", { .kind = NPLOT_NORM_POWER, .gamma = 0.5 } },
    { "power_set", { .kind = NPLOT_NORM_POWER, .gamma = 2, .vmin = 0, .vmax = 10, .clip = true } },
    { "twoslope", { .kind = NPLOT_NORM_TWOSLOPE, .vcenter = 1 } },
    { "twoslope_set", { .kind = NPLOT_NORM_TWOSLOPE, .vcenter = 0, .vmin = -5, .vmax = 50 } },
    { "twoslope_vmin", { .kind = NPLOT_NORM_TWOSLOPE, .vcenter = 0, .vmin = -2, .vmax = NAN } },
    { "centered", { .kind = NPLOT_NORM_CENTERED } },
    { "centered_hr", { .kind = NPLOT_NORM_CENTERED, .vcenter = 2, .halfrange = 4 } },
    { "asinh", { .kind = NPLOT_NORM_ASINH } },
    { "asinh_set", { .kind = NPLOT_NORM_ASINH, .linear_width = 0.5, .vmin = -5, .vmax = 100 } },
    { "bnd_neither_7", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 7 } },
    { "bnd_neither_5", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 5 } },
    { "bnd_both_7", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 7, .extend = "both" } },
    { "bnd_min_7", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 7, .extend = "min" } },
    { "bnd_max_7", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 7, .extend = "max" } },
    { "bnd_neither_256", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 256 } },
    { "bnd_both_256", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 256, .extend = "both" } },
    { "bnd_min_256", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 256, .extend = "min" } },
    { "bnd_max_256", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 256, .extend = "max" } },
    { "bnd_clip_7", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = B6, .ncolors = 7, .clip = true } },
    { "bnd_one_5", { .kind = NPLOT_NORM_BOUNDARY, .boundaries = { 2, b2 }, .ncolors = 5 } },
    { "nonorm", { .kind = NPLOT_NORM_NONE } },
};

/* got[0..n) equals the fixture line `name` (NaN where NaN, infinities exactly, else within
 * rtol relative); prints the first mismatch. */
static void expect_line(const char *name, const double *got, int n, double rtol)
{
    double want[64];
    int m = fixture_values(NORMS, name, want, 64);
    if (m != n) printf("\n  %s: fixture has %d values, expected %d\n", name, m, n);
    CU_ASSERT_EQUAL_FATAL(m, n);
    for (int i = 0; i < n; i++) {
        bool ok = isnan(want[i]) ? isnan(got[i])
                  : isinf(want[i]) ? got[i] == want[i]
                                   : fabs(got[i] - want[i]) <= rtol * (fabs(want[i]) + 1e-300);
        if (!ok) {
            printf("\n  %s[%d]: got %.17g, matplotlib %.17g\n", name, i, got[i], want[i]);
            CU_FAIL("value differs from matplotlib");
            return;
        }
    }
}

static void test_norms_match_matplotlib(void)
{
    double v[64], t[64], out[64];
    int nv = fixture_values(NORMS, "values", v, 64), nt = fixture_values(NORMS, "tvals", t, 64);
    CU_ASSERT_FATAL(nv == 16 && nt == 9);
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const nplot_norm *nm = &cases[c].norm;
        char key[64];
        CU_ASSERT_EQUAL_FATAL(nplot_norm_apply(nm, v, (size_t)nv, out), ND_OK);
        snprintf(key, sizeof key, "%s_fwd", cases[c].name);
        expect_line(key, out, nv, 1e-13);
        if (nm->kind == NPLOT_NORM_BOUNDARY) {
            CU_ASSERT_EQUAL(nplot_norm_inverse(nm, v, (size_t)nv, t, (size_t)nt, out), ND_EVALUE);
            CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "BoundaryNorm is not invertible"));
            continue;
        }
        CU_ASSERT_EQUAL_FATAL(nplot_norm_inverse(nm, v, (size_t)nv, t, (size_t)nt, out), ND_OK);
        snprintf(key, sizeof key, "%s_inv", cases[c].name);
        expect_line(key, out, nt, 1e-12);
    }
}

/* in place, and a NULL norm is Normalize() */
static void test_norm_apply_in_place_and_default(void)
{
    double v[4] = { 2, 4, NAN, 6 };
    CU_ASSERT_EQUAL(nplot_norm_apply(NULL, v, 4, v), ND_OK);
    CU_ASSERT_EQUAL(v[0], 0.0);
    CU_ASSERT_EQUAL(v[1], 0.5);
    CU_ASSERT(isnan(v[2]));
    CU_ASSERT_EQUAL(v[3], 1.0);
    /* constant data: vmin == vmax maps everything to 0, as matplotlib */
    double c[2] = { 3, 3 };
    CU_ASSERT_EQUAL(nplot_norm_apply(NPLOT_NORMALIZE(), c, 2, c), ND_OK);
    CU_ASSERT_EQUAL(c[0], 0.0);
    CU_ASSERT_EQUAL(nplot_norm_apply(NULL, NULL, 0, NULL), ND_OK);
    CU_ASSERT_EQUAL(nplot_norm_apply(NULL, NULL, 2, v), ND_EVALUE);
}

/* ---- bad input: matplotlib's ValueError texts ------------------------------------------------ */
static void expect_bad(const nplot_norm *nm, const char *msg)
{
    double v[3] = { 1, 2, 3 }, out[3];
    nd_status st = nplot_norm_apply(nm, v, 3, out);
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    if (!strstr(nd_errmsg(), msg)) printf("\n  expected '%s' in '%s'\n", msg, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), msg));
}

static void test_norm_bad_input(void)
{
    expect_bad(NPLOT_LOGNORM(.vmin = -1, .vmax = 10), "Invalid vmin or vmax");
    expect_bad(NPLOT_LOGNORM(.vmin = 0, .vmax = 10), "Invalid vmin or vmax");
    expect_bad(NPLOT_NORMALIZE(.vmin = 5, .vmax = 1), "minvalue must be less than or equal to maxvalue");
    expect_bad(NPLOT_LOGNORM(.vmin = 5, .vmax = 1), "vmin must be less or equal to vmax");
    expect_bad(NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(1), .ncolors = 4),
               "You must provide at least 2 boundaries (1 region) but you passed in 1");
    expect_bad(NPLOT_BOUNDARYNORM(.ncolors = 4), "at least 2 boundaries");
    expect_bad(NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 2, 1), .ncolors = 4),
               "boundaries must be monotonically increasing");
    expect_bad(NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 1, 1), .ncolors = 4),
               "boundaries must be monotonically increasing");
    expect_bad(NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 1, 2, 3), .ncolors = 4, .extend = "both"),
               "There are 5 color bins including extensions, but ncolors = 4; ncolors must equal "
               "or exceed the number of bins");
    expect_bad(NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 1, 2, 3), .ncolors = 2),
               "There are 3 color bins");
    expect_bad(NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 1), .ncolors = 4, .clip = true, .extend = "max"),
               "'clip=True' is not compatible with 'extend'");
    expect_bad(NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 1), .ncolors = 4, .extend = "up"),
               "extend must be");
    expect_bad(NPLOT_TWOSLOPENORM(.vcenter = 5, .vmin = 0, .vmax = 4),
               "vmin, vcenter, and vmax must be in ascending order");
    expect_bad(NPLOT_TWOSLOPENORM(.vcenter = -1, .vmin = 0, .vmax = 4),
               "vmin, vcenter, and vmax must be in ascending order");
    expect_bad(NPLOT_TWOSLOPENORM(.vcenter = 0, .vmin = 0, .vmax = 4),
               "vmin, vcenter, and vmax must be in ascending order");
    expect_bad(NPLOT_SYMLOGNORM(.linthresh = 0), "'linthresh' must be positive");
    expect_bad(NPLOT_SYMLOGNORM(.linthresh = 1, .base = 0.5), "'base' must be larger than 1");
    expect_bad(NPLOT_SYMLOGNORM(.linthresh = 1, .linscale = -1), "'linscale' must be positive");
    expect_bad(NPLOT_ASINHNORM(.linear_width = -1), "'linear_width' must be strictly positive");
    expect_bad(NPLOT_POWERNORM(.gamma = 0), "gamma must be positive");
    expect_bad(&(nplot_norm){ .kind = (nplot_norm_kind)99 }, "unknown norm kind 99");
    expect_bad(NPLOT_NORMALIZE(.vmin = 0, .vmax = INFINITY), "vmin and vmax must be finite");
}

/* norm together with vmin/vmax is matplotlib's ValueError in every color-mapped kind, and
 * a bad norm fails the figure naming the function */
static void test_norm_with_vmin_vmax_rejected(void)
{
    double z[4] = { 1, 2, 3, 4 }, x[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .norm = NPLOT_LOGNORM(), .vmin = 1, .vmax = 3), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_imshow: Passing a Normalize instance "
                                               "simultaneously with vmin/vmax is not supported"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, z, 4, .c_f64 = NPLOT_F64_ARRAY(z, 4),
                                     .norm = NPLOT_NORMALIZE(), .vmax = 2), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_scatter: Passing a Normalize instance"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .norm = NPLOT_LOGNORM(.vmin = -1, .vmax = 3)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_imshow: LogNorm: Invalid vmin or vmax"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *c = nd_from_f64(z, 4);
    nd_array *c2 = nd_reshape(c, 2, (ptrdiff_t[]){ 2, 2 });
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, c2, .norm = NPLOT_TWOSLOPENORM(.vcenter = 9, .vmin = 0, .vmax = 4)),
                    ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_pcolormesh: TwoSlopeNorm: vmin, vcenter, and vmax"));
    nd_free(c2);
    nd_free(c);
    nplot_figure_free(fig);
}

/* ---- colors through the mappable ------------------------------------------------------------- */
static unsigned cmap_hex(const char *name, double v)
{
    nplot_rgba c;
    CU_ASSERT_EQUAL(nplot_cmap_color(name, v, &c), ND_OK);
    return (unsigned)lround(c.r * 255) << 16 | (unsigned)lround(c.g * 255) << 8 | (unsigned)lround(c.b * 255);
}

/* ax gets a colorbar whose long axis spans exactly lo .. hi (the norm's autoscale). */
static void colorbar_range_is(nplot_axes *ax, double want_lo, double want_hi)
{
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    double lo, hi;
    nplot_get_ylim(cax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, want_lo);
    CU_ASSERT_EQUAL(hi, want_hi);
}

/* imshow of [1, 10, 100; 1000, 0, -1] with LogNorm(1, 1000): 10 is a third of the way
 * (viridis entry 85), 100 two thirds (170); 0 and -1 are masked (transparent) */
static void test_imshow_lognorm_cell_colors(void)
{
    double z[6] = { 1, 10, 100, 1000, 0, -1 };
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 3, .norm = NPLOT_LOGNORM(.vmin = 1, .vmax = 1000),
                                      .interpolation = "nearest"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* t = log10(v) / 3; index floor(t * 256) */
    CU_ASSERT(near_rgb(at_data(&m, ax, 0, 0), cmap_hex("viridis", 0.5 / 256), 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 1, 0), cmap_hex("viridis", (85 + 0.5) / 256), 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 2, 0), cmap_hex("viridis", (170 + 0.5) / 256), 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 0, 1), cmap_hex("viridis", 1), 2));
    CU_ASSERT(near(at_data(&m, ax, 1, 1), 255, 255, 255, 2)); /* masked: the white figure */
    CU_ASSERT(near(at_data(&m, ax, 2, 1), 255, 255, 255, 2));
    free(m.px);
    nplot_figure_free(fig);
}

/* BoundaryNorm through pcolormesh: each region its spread colormap entry,
 * under / over the end colors */
static void test_boundarynorm_mesh_cells(void)
{
    double vals[6] = { -3, 0.5, 1.5, 4, 9, 20 }; /* under, regions 0..3 of 5, over */
    const nplot_norm *bn = NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 1, 2, 5, 10), .ncolors = 256);
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 2, .dpi = 50);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    nd_array *c = nd_from_f64(vals, 6), *c2 = nd_reshape(c, 2, (ptrdiff_t[]){ 1, 6 });
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, c2, .norm = bn, .cmap = "plasma"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int want[6] = { 0, 0, 85, 170, 255, 255 }; /* (256 - 1) / (4 - 1) * region */
    for (int i = 0; i < 6; i++) {
        bool ok = near_rgb(at_data(&m, ax, i + 0.5, 0.5), cmap_hex("plasma", (want[i] + 0.5) / 256), 2);
        if (!ok) printf("\n  cell %d\n", i);
        CU_ASSERT(ok);
    }
    free(m.px);
    nd_free(c2);
    nd_free(c);
    nplot_figure_free(fig);
}

/* scatter's c through PowerNorm (sqrt: 25 of 100 is half way) and hexbin's counts
 * through LogNorm (a log colorbar) */
static void test_scatter_and_hexbin_norms(void)
{
    double x[3] = { 0, 1, 2 }, y[3] = { 0, 0, 0 }, c[3] = { 0, 25, 100 };
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 1, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, -0.5, 2.5, -1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, y, 3, .c_f64 = NPLOT_F64_ARRAY(c, 3), .s = 400,
                                     .norm = NPLOT_POWERNORM(.gamma = 0.5)), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0, 0), cmap_hex("viridis", 0), 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 1, 0), cmap_hex("viridis", 128.5 / 256), 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 2, 0), cmap_hex("viridis", 1), 2));
    free(m.px);
    nplot_figure_free(fig);

    double hx[6] = { 0, 0, 0, 0, 1, 2 }, hy[6] = { 0, 0, 0, 0, 1, 2 };
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hexbin_xy(ax, hx, hy, 6, .gridsize = 4, .norm = NPLOT_LOGNORM()), ND_OK);
    colorbar_range_is(ax, 1.0, 4.0); /* the empty cells (0) are masked, not the minimum */
    nplot_figure_free(fig);
}

/* ---- norms meet .bad, resampling, gouraud, hist2d and masked data ----------------------------- */
/* LogNorm(1, 100) over a gray map with under navy, over lime and .bad red, in blocks of
 * four rows (so bilinear and bicubic resampling see one value at a block's middle): 0.5
 * under, 20 at t = log10(20) / 2 (entry 166), 1000 over, NaN and -5 (masked by the log)
 * bad. The direct pixels and the resampled path at draw time color the same way. */
static void test_norm_under_over_bad_in_every_image_path(void)
{
    nplot_colormap *cm = nplot_colormap_from_list("merge_gray_uo", .colors = NPLOT_STRS("black", "white"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(cm);
    nplot_colormap_set_under(cm, "navy");
    nplot_colormap_set_over(cm, "lime");
    CU_ASSERT_EQUAL(nplot_colormap_register(cm, NULL), ND_OK);
    nplot_colormap_free(cm);
    const double block[5] = { 0.5, 20, 1000, NAN, -5 };
    double z[20 * 2];
    for (int r = 0; r < 20; r++) z[2 * r] = z[2 * r + 1] = block[r / 4];
    static const char *const interps[3] = { "nearest", "bilinear", "bicubic" };
    for (int k = 0; k < 3; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 2, .height = 5, .dpi = 40);
        nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
        nplot_axis(ax, "off");
        CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 20, 2, .cmap = "merge_gray_uo", .bad = "red",
                                          .norm = NPLOT_LOGNORM(.vmin = 1, .vmax = 100),
                                          .interpolation = interps[k], .aspect = "auto"),
                        ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        bool ok = near(at_data(&m, ax, 0.5, 1.5), 0, 0, 128, 2) &&
                  near_rgb(at_data(&m, ax, 0.5, 5.5), cmap_hex("merge_gray_uo", 166.5 / 256), 2) &&
                  near(at_data(&m, ax, 0.5, 9.5), 0, 255, 0, 2) &&
                  near(at_data(&m, ax, 0.5, 13.5), 255, 0, 0, 2) &&
                  near(at_data(&m, ax, 0.5, 17.5), 255, 0, 0, 2);
        if (!ok) printf("\n  interpolation '%s'\n", interps[k]);
        CU_ASSERT(ok);
        free(m.px);
        nplot_figure_free(fig);
    }
}

/* Gouraud vertices and masked pcolormesh cells go through the norm too: a uniform
 * gouraud quad of 20 under LogNorm(1, 100) is entry 166 everywhere; a masked cell and a
 * nonpositive one (masked by the log) take .bad. */
static void test_norm_gouraud_and_masked_mesh(void)
{
    double v[4] = { 20, 20, 20, 20 };
    nd_array *c = nd_from_buffer(v, 2, (ptrdiff_t[]){ 2, 2 }, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 50);
    nplot_axes *ax = bare_axes(fig, 0, 1, 0, 1);
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, c, .shading = "gouraud", .cmap = "gray",
                                     .norm = NPLOT_LOGNORM(.vmin = 1, .vmax = 100)), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.5, 0.5), cmap_hex("gray", 166.5 / 256), 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.2, 0.8), cmap_hex("gray", 166.5 / 256), 2));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(c);

    double mv[3] = { 20, 7, -1 };
    bool mask[3] = { false, true, false };
    nd_array *d = nd_from_buffer(mv, 2, (ptrdiff_t[]){ 1, 3 }, ND_FLOAT64);
    nd_array *mk = nd_from_buffer(mask, 2, (ptrdiff_t[]){ 1, 3 }, ND_BOOL);
    nd_marray *mc = d && mk ? nd_ma_array(d, mk) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(mc);
    fig = nplot_figure_new(.width = 3, .height = 1, .dpi = 50);
    ax = bare_axes(fig, 0, 3, 0, 1);
    CU_ASSERT_EQUAL(nplot_pcolormesh_ma(ax, mc, .cmap = "gray", .bad = "red",
                                        .norm = NPLOT_LOGNORM(.vmin = 1, .vmax = 100)), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.5, 0.5), cmap_hex("gray", 166.5 / 256), 2));
    CU_ASSERT(near(at_data(&m, ax, 1.5, 0.5), 255, 0, 0, 2));
    CU_ASSERT(near(at_data(&m, ax, 2.5, 0.5), 255, 0, 0, 2));
    free(m.px);
    nplot_figure_free(fig);
    nd_ma_free(mc);
    nd_free(d);
    nd_free(mk);
}

/* hist2d takes .norm: counts [[3, 0], [0, 1]] under LogNorm autoscale from the positive
 * counts (a 1..3 log colorbar) and the empty cells are masked, not drawn; a norm with
 * vmin/vmax is matplotlib's error */
static void test_hist2d_norm(void)
{
    double x[4] = { 0.5, 0.5, 0.5, 1.5 }, y[4] = { 0.5, 0.5, 0.5, 1.5 };
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 50);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist2d_xy(ax, x, y, 4, .bins = 2, .range = NPLOT_F64S(0, 2, 0, 2),
                                    .norm = NPLOT_LOGNORM()), ND_OK);
    colorbar_range_is(ax, 1.0, 3.0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.5, 0.5), cmap_hex("viridis", 1), 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 1.5, 1.5), cmap_hex("viridis", 0), 2));
    CU_ASSERT(near(at_data(&m, ax, 1.5, 0.5), 255, 255, 255, 2)); /* 0: masked by the log */
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist2d_xy(ax, x, y, 4, .vmin = 1, .vmax = 2, .norm = NPLOT_LOGNORM()), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "simultaneously"));
    nplot_figure_free(fig);
}

/* scatter: a point whose x or y is NaN does not count towards the norm's autoscale
 * (matplotlib's _combine_masks), whatever the norm */
static void test_scatter_nan_xy_left_out_of_norm_autoscale(void)
{
    double x[4] = { 0, NAN, 2, 1 }, y[4] = { 0, 0, 0, NAN }, c[4] = { 0, 1000, 100, -50 };
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 1, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, -0.5, 2.5, -1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, y, 4, .c_f64 = NPLOT_F64_ARRAY(c, 4), .s = 400,
                                     .norm = NPLOT_POWERNORM(.gamma = 0.5)), ND_OK);
    colorbar_range_is(ax, 0.0, 100.0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0, 0), cmap_hex("viridis", 0), 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 2, 0), cmap_hex("viridis", 1), 2));
    free(m.px);
    nplot_figure_free(fig);
}

/* ---- colorbars --------------------------------------------------------------------------------- */
/* The figure pixel at the centre of cax's data point (x, y). */
static const unsigned char *cb_at(const img *m, nplot_axes *cax, double x, double y)
{
    return at_data(m, cax, x, y);
}

/* extend='both' on a vertical bar: under color below vmin, over color above vmax, white
 * beside the triangle tips (outside the triangle) */
static void test_colorbar_extend_triangles(void)
{
    double z[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .cmap = "viridis"), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax, .extend = "both");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    double lo, hi;
    nplot_get_ylim(cax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, -0.15, 1e-12); /* 5% of the bar beyond each end */
    ND_ASSERT_CLOSE(hi, 3.15, 1e-12);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(cb_at(&m, cax, 0.5, -0.05), cmap_hex("viridis", 0), 3));
    CU_ASSERT(near_rgb(cb_at(&m, cax, 0.5, 3.05), cmap_hex("viridis", 1), 3));
    CU_ASSERT(near(cb_at(&m, cax, 0.1, -0.13), 255, 255, 255, 3));
    CU_ASSERT(near(cb_at(&m, cax, 0.9, 3.13), 255, 255, 255, 3));
    free(m.px);
    nplot_figure_free(fig);
    /* extendfrac sets the triangle's length; horizontal bars put it along x */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2), ND_OK);
    cax = nplot_colorbar(ax, .extend = "min", .extendfrac = 0.1, .orientation = "horizontal");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    nplot_get_xlim(cax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, -0.3, 1e-12);
    CU_ASSERT_EQUAL(hi, 3.0);
    nplot_figure_free(fig);
    /* ticks stay on the bar: none beside the triangles (0 and 1 would fit the view) */
    double zz[2] = { 0.02, 0.98 }, t[16];
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, zz, 1, 2), ND_OK);
    cax = nplot_colorbar(ax, .extend = "both");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    int nt = nplot_get_yticks(cax, t, 16);
    CU_ASSERT(nt >= 3);
    for (int i = 0; i < nt && i < 16; i++) CU_ASSERT(t[i] >= 0.02 && t[i] <= 0.98);
    nplot_figure_free(fig);
    /* without extend the bar fills the axes; a BoundaryNorm gives its own default */
    fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2,
                                      .norm = NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 1, 2),
                                                                 .ncolors = 256, .extend = "max")),
                    ND_OK);
    cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    nplot_get_ylim(cax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0.0);
    ND_ASSERT_CLOSE(hi, 2.1, 1e-12); /* index space: 2 regions, 5% of it */
    nplot_figure_free(fig);
}

/* A BoundaryNorm bar has one equal segment per region, ticks at the boundaries */
static void test_colorbar_boundary_segments(void)
{
    double z[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    const nplot_norm *bn = NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(0, 0.5, 1, 2, 3, 10), .ncolors = 256);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .norm = bn), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax, .orientation = "horizontal");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y, x1;
    nplot_data_to_pixel(cax, 0, 0.5, &x0, &y);
    nplot_data_to_pixel(cax, 5, 0.5, &x1, &y);
    int segments = 0, run = 0, shortest = 1 << 30;
    const unsigned char *prev = NULL;
    for (int x = (int)x0 + 2; x < (int)x1 - 1; x++) {
        const unsigned char *p = at(&m, x, y);
        if (!prev || !near(p, prev[0], prev[1], prev[2], 1)) {
            if (prev && run < shortest) shortest = run;
            segments++;
            run = 0;
        }
        run++;
        prev = p;
    }
    CU_ASSERT_EQUAL(segments, 5);
    CU_ASSERT(shortest >= (x1 - x0) / 5 - 4); /* equal lengths ('uniform' spacing) */
    free(m.px);
    nplot_figure_free(fig);
}

/* .cax: the bar fills the given axes; location left / top put the new axes on that side */
static void test_colorbar_cax_and_location(void)
{
    double z[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.6, 0.8);
    nplot_axes *mine = nplot_add_axes(fig, 0.8, 0.1, 0.05, 0.8);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .aspect = "auto"), ND_OK);
    CU_ASSERT_PTR_EQUAL(nplot_colorbar(ax, .cax = mine), mine);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* the axes keeps its place and the bar fills it */
    double b[4];
    nplot_axes_pixel_box(mine, &b[0], &b[1], &b[2], &b[3]);
    CU_ASSERT(fabs(b[0] - 400) <= 1 && fabs(b[2] - 425) <= 1 && fabs(b[1] - 40) <= 1 && fabs(b[3] - 360) <= 1);
    CU_ASSERT(near_rgb(at(&m, 412, 43), cmap_hex("viridis", 1 - 3.5 / 320), 3));
    CU_ASSERT(near_rgb(at(&m, 412, 357), cmap_hex("viridis", 2.5 / 320), 3));
    free(m.px);
    nplot_figure_free(fig);

    const char *locs[4] = { "left", "right", "top", "bottom" };
    for (int k = 0; k < 4; k++) {
        fig = nplot_figure_new(.width = 5, .height = 5, .dpi = 100);
        ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .aspect = "auto"), ND_OK);
        nplot_axes *cax = nplot_colorbar(ax, .location = locs[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
        double a[4], c[4];
        CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
        nplot_axes_pixel_box(ax, &a[0], &a[1], &a[2], &a[3]);
        nplot_axes_pixel_box(cax, &c[0], &c[1], &c[2], &c[3]);
        /* x0, y0, x1, y1 in pixels, y down */
        if (k == 0) CU_ASSERT(c[2] < a[0]);
        if (k == 1) CU_ASSERT(c[0] > a[2]);
        if (k == 2) CU_ASSERT(c[3] < a[1]);
        if (k == 3) CU_ASSERT(c[1] > a[3]);
        bool wide = c[2] - c[0] > c[3] - c[1];
        CU_ASSERT_EQUAL(wide, k >= 2); /* top and bottom: horizontal */
        nplot_figure_free(fig);
    }
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nplot_imshow_data(ax, z, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_colorbar(ax, .location = "left", .orientation = "horizontal"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "location and orientation are mutually exclusive"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nplot_imshow_data(ax, z, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_colorbar(ax, .extend = "sideways"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "extend must be"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nplot_imshow_data(ax, z, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_colorbar(ax, .cax = ax));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "cax must be another axes of the same figure"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nplot_imshow_data(ax, z, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_colorbar(ax, .extendfrac = 1.5));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "extendfrac must be in [0, 1), got 1.5"));
    nplot_figure_free(fig);
}

/* LogNorm gives the colorbar a log axis, SymLogNorm a symlog one; .ticks and .format */
static void test_colorbar_axis_follows_norm(void)
{
    double z[4] = { 1, 10, 100, 1000 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .norm = NPLOT_LOGNORM()), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax, .extend = "min");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    double lo, hi;
    nplot_get_ylim(cax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, pow(10, -0.15), 1e-12); /* 5% of three decades below 1 */
    ND_ASSERT_CLOSE(hi, 1000, 1e-12);
    double px0, px1, py, pyl, pyh;
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_data_to_pixel(cax, 0.5, 10, &px0, &pyl);
    nplot_data_to_pixel(cax, 0.5, 100, &px1, &pyh);
    nplot_data_to_pixel(cax, 0.5, 1000, &px1, &py);
    ND_ASSERT_CLOSE(pyl - pyh, pyh - py, 1e-9); /* decades equally long */
    nplot_figure_free(fig);

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    double s[4] = { -100, -1, 1, 100 };
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, s, 2, 2, .norm = NPLOT_SYMLOGNORM(.linthresh = 1)), ND_OK);
    cax = nplot_colorbar(ax, .ticks = NPLOT_F64S(-100, 0, 100), .format = "%.0f!");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double t[8];
    CU_ASSERT_EQUAL_FATAL(nplot_get_yticks(cax, t, 8), 3);
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(cax, 1), "0!");
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(cax, 2), "100!");
    nplot_data_to_pixel(cax, 0.5, 0, &px0, &pyl);
    nplot_data_to_pixel(cax, 0.5, 1, &px0, &pyh);
    nplot_data_to_pixel(cax, 0.5, 10, &px0, &py);
    /* matplotlib's symlog: [0, linthresh] is linscale / (1 - 1/base) decades long */
    ND_ASSERT_CLOSE((pyl - pyh) / (pyh - py), 1 / 0.9, 1e-9);
    nplot_figure_free(fig);
}

/* NoNorm: one block per colormap entry, ticked by matplotlib's IndexLocator(1 + N // 10) */
static void test_colorbar_nonorm_blocks(void)
{
    double z[4] = { 0, 3, 7, 9 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .norm = NPLOT_NONORM()), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double lo, hi, t[32];
    nplot_get_ylim(cax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, -0.5);
    CU_ASSERT_EQUAL(hi, 255.5);
    CU_ASSERT_EQUAL_FATAL(nplot_get_yticks(cax, t, 32), 10);
    CU_ASSERT_EQUAL(t[1], 26.0);
    CU_ASSERT_EQUAL(t[9], 234.0);
    nplot_figure_free(fig);
}

/* AsinhNorm's bar is ticked by matplotlib's AsinhLocator: 0 and signed decades, labelled
 * like a log axis, minors at 2 and 5 times them (values from matplotlib 3.6) */
static void test_colorbar_asinh_ticks(void)
{
    double z[3] = { -19.5, 3, 980 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 1, 3, .norm = NPLOT_ASINHNORM(.linear_width = 5)), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double t[16], want[6] = { -10, -1, 0, 1, 10, 100 };
    CU_ASSERT_EQUAL_FATAL(nplot_get_yticks(cax, t, 16), 6);
    for (int i = 0; i < 6; i++) CU_ASSERT_EQUAL(t[i], want[i]);
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(cax, 0), "$\\mathdefault{-10^{1}}$");
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(cax, 2), "$\\mathdefault{0}$");
    nplot_figure_free(fig);
}

/* the mappable's alpha reaches the colorbar (issue 20) */
static void test_colorbar_honours_alpha(void)
{
    double z[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .cmap = "gray", .alpha = 0.5), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* black at half alpha over white */
    CU_ASSERT(near(cb_at(&m, cax, 0.5, 0.01), 128, 128, 128, 3));
    free(m.px);
    nplot_figure_free(fig);
}

/* a 3-D surface with a cmap is a mappable: nplot_colorbar works for it, with its norm */
static void test_colorbar_for_surface(void)
{
    double zs[9] = { 1, 2, 3, 2, 3, 4, 3, 4, 50 };
    nd_array *z = nd_from_f64(zs, 9), *Z = nd_reshape(z, 2, (ptrdiff_t[]){ 3, 3 });
    nd_array *x = nd_arange(0, 3, 1, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_surface(ax, x, x, Z, .cmap = "coolwarm", .norm = NPLOT_LOGNORM()), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax, .shrink = 0.5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    double lo, hi;
    nplot_get_ylim(cax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, 2, 1e-12); /* quad means 2, 3, 3, 15.25 */
    ND_ASSERT_CLOSE(hi, 15.25, 1e-12);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL(m.px);
    free(m.px);
    nd_free(Z);
    nd_free(z);
    nd_free(x);
    nplot_figure_free(fig);
}

/* ---- golden images (the figures of scripts/mpl_norm_reference.py) ------------------------- */
static void golden_check(nplot_figure *fig, const char *name)
{
    golden_compare(fig, GOLDEN, name, 4.0);
    nplot_figure_free(fig);
}

/* matplotlib's LogNorm example: a broad bump plus a spike 50 times higher */
static void lognorm_data(double *z)
{
    for (int i = 0; i < 30; i++)
        for (int j = 0; j < 40; j++) {
            double x = -3 + 6.0 * j / 39, y = -2 + 4.0 * i / 29;
            z[i * 40 + j] = exp(-x * x - y * y) + 50 * exp(-(x * 10) * (x * 10) - (y * 10) * (y * 10));
        }
}

static void test_golden_norm_images(void)
{
    double z[1200];
    lognorm_data(z);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 30, 40, .norm = NPLOT_LOGNORM(), .interpolation = "nearest"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    golden_check(fig, "norm_lognorm");

    for (int k = 0; k < 192; k++) z[k] = -1.5 + 5.0 * k / 191; /* beyond -1 .. 3 both sides */
    nd_array *c = nd_from_buffer(z, 2, (ptrdiff_t[]){ 12, 16 }, ND_FLOAT64);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, c, .cmap = "RdBu_r",
                                     .norm = NPLOT_TWOSLOPENORM(.vmin = -1, .vcenter = 0, .vmax = 3)), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax, .extend = "both", .label = "anomaly"));
    golden_check(fig, "norm_twoslope");

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_pcolormesh(ax, c, .cmap = "viridis",
                                     .norm = NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(-1, -0.5, 0, 0.5, 1, 2, 3),
                                                                .ncolors = 256, .extend = "both")), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax, .drawedges = true));
    golden_check(fig, "norm_boundary");
    nd_free(c);
}

static const ND_TEST tests[] = {
    ND_T(test_norms_match_matplotlib),
    ND_T(test_norm_apply_in_place_and_default),
    ND_T(test_norm_bad_input),
    ND_T(test_norm_with_vmin_vmax_rejected),
    ND_T(test_imshow_lognorm_cell_colors),
    ND_T(test_boundarynorm_mesh_cells),
    ND_T(test_scatter_and_hexbin_norms),
    ND_T(test_norm_under_over_bad_in_every_image_path),
    ND_T(test_norm_gouraud_and_masked_mesh),
    ND_T(test_hist2d_norm),
    ND_T(test_scatter_nan_xy_left_out_of_norm_autoscale),
    ND_T(test_colorbar_extend_triangles),
    ND_T(test_colorbar_boundary_segments),
    ND_T(test_colorbar_cax_and_location),
    ND_T(test_colorbar_axis_follows_norm),
    ND_T(test_colorbar_nonorm_blocks),
    ND_T(test_colorbar_asinh_ticks),
    ND_T(test_colorbar_honours_alpha),
    ND_T(test_colorbar_for_surface),
    ND_T(test_golden_norm_images),
    { 0 },
};
ND_TEST_MAIN("plot_norms", tests)
