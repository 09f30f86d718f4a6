/* gci / sci / clim (colouring again after set_clim, colorbars following), set_prop_cycle,
 * violin from precomputed statistics and pcolorfast, against matplotlib 3.6's numbers
 * (tests/data/plot/imgcol/ref.txt from scripts/mpl_imgcol_reference.py). White-box: the
 * artists' colors are read from the model. */
#include <numc/numc.h>
#include <numc/plot.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "plot_image.h"
#include "plot_model.h"
#include "testutil.h"

#define REF NUMC_TEST_DATA "/plot/imgcol/ref.txt"
#define GOLDEN NUMC_TEST_DATA "/plot/imgcol"

static artist *A(nplot_artist *h) { return (artist *)(void *)h; }

static bool rgba_near(rgba c, const double *want, double tol)
{
    bool ok = fabs(c.r - want[0]) <= tol && fabs(c.g - want[1]) <= tol && fabs(c.b - want[2]) <= tol &&
              fabs(c.a - want[3]) <= tol;
    if (!ok) printf("\n  got %g %g %g %g want %g %g %g %g\n", c.r, c.g, c.b, c.a, want[0], want[1], want[2], want[3]);
    return ok;
}

/* The pixel's straight RGB against a color in [0, 1]. */
static bool px_near(const unsigned char *p, const double *want, int tol)
{
    bool ok = near(p, (int)lround(want[0] * 255), (int)lround(want[1] * 255), (int)lround(want[2] * 255), tol);
    if (!ok) printf("\n  pixel %d %d %d want %g %g %g\n", p[0], p[1], p[2], want[0] * 255, want[1] * 255, want[2] * 255);
    return ok;
}

static void test_image_set_clim_recolors_and_colorbar_follows(void)
{
    double z[20], want[80], ylim[2], ticks[16];
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "img_data", z, 20), 20);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "img_clim_rgba", want, 80), 80);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "img_cbar_ylim", ylim, 2), 2);
    int nt = fixture_values(REF, "img_cbar_ticks", ticks, 16);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *Z = nd_from_f64(z, 20);
    nd_array *Z2 = nd_reshape(Z, ND_SHAPE(4, 5));
    CU_ASSERT_EQUAL_FATAL(nplot_imshow(ax, Z2), ND_OK);
    nplot_axes *cax = nplot_colorbar(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    nplot_artist *im = nplot_gci(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(im);
    CU_ASSERT_STRING_EQUAL(nplot_artist_kind(im), "image");
    img before = render(fig);
    CU_ASSERT_EQUAL(nplot_artist_set_clim(im, 4, 12), ND_OK);
    double lim[2];
    CU_ASSERT_EQUAL(nplot_artist_get_clim(im, lim), ND_OK);
    CU_ASSERT(lim[0] == 4 && lim[1] == 12);
    img after = render(fig);
    CU_ASSERT_FATAL(before.px && after.px);
    /* every cell in matplotlib's colour for the new limits */
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 5; j++)
            CU_ASSERT(px_near(at_data(&after, ax, j, i), want + 4 * (i * 5 + j), 2));
    CU_ASSERT(memcmp(before.px, after.px, (size_t)after.w * after.h * 4) != 0);
    /* the colorbar's long axis is the new range, ticked as matplotlib ticks it */
    double lo, hi;
    nplot_get_ylim(cax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, ylim[0], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, ylim[1], 1e-12);
    double got[32];
    ptrdiff_t ng = nplot_get_yticks(cax, got, 32);
    CU_ASSERT_EQUAL(ng, nt);
    for (int i = 0; i < nt && i < ng; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], ticks[i], 1e-9);
    /* plt.clim(vmax=16) on the current image: vmin stays */
    CU_ASSERT_EQUAL(nplot_clim(fig, NAN, 16), ND_OK);
    double l2[2];
    CU_ASSERT_EQUAL(fixture_values(REF, "img_clim2", l2, 2), 2);
    nplot_artist_get_clim(im, lim);
    CU_ASSERT(lim[0] == l2[0] && lim[1] == l2[1]);
    nplot_get_ylim(cax, &lo, &hi);
    CU_ASSERT(lo == 4 && hi == 16);
    /* bad limits: an error, the figure stays usable */
    CU_ASSERT_EQUAL(nplot_artist_set_clim(im, 5, 1), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "minvalue must be less than or equal to maxvalue"));
    CU_ASSERT_EQUAL(nplot_artist_set_clim(im, INFINITY, NAN), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_artist_set_clim(NULL, 1, 2), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    free(before.px);
    free(after.px);
    nd_free(Z);
    nd_free(Z2);
    nplot_figure_free(fig);
}

static void test_large_image_lazy_recolor(void)
{
    /* a 300 x 300 image is coloured when drawn: set_clim after a first draw recolours it */
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, -0.5, 299.5, 299.5, -0.5);
    nd_array *Z = nd_linspace(0, 1, 90000);
    nd_array *Z2 = nd_reshape(Z, ND_SHAPE(300, 300));
    CU_ASSERT_EQUAL_FATAL(nplot_imshow(ax, Z2), ND_OK);
    img m1 = render(fig);
    CU_ASSERT_EQUAL(nplot_clim(fig, 2, 3), ND_OK); /* every value under: viridis' first entry */
    img m2 = render(fig);
    CU_ASSERT_FATAL(m1.px && m2.px);
    CU_ASSERT(!near_rgb(at_data(&m1, ax, 150, 280), 0x440154, 3));
    CU_ASSERT(near_rgb(at_data(&m2, ax, 150, 280), 0x440154, 3));
    CU_ASSERT(near_rgb(at_data(&m2, ax, 150, 20), 0x440154, 3));
    free(m1.px);
    free(m2.px);
    nd_free(Z);
    nd_free(Z2);
    nplot_figure_free(fig);
}

static void test_mesh_scatter_contourf_set_clim(void)
{
    double z[20], wm[80], ws[24], wc[20];
    fixture_values(REF, "img_data", z, 20);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "mesh_clim_rgba", wm, 80), 80);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "scatter_clim_rgba", ws, 24), 24);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "contourf_clim_faces", wc, 20), 20);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *Z = nd_from_f64(z, 20), *Z2 = nd_reshape(Z, ND_SHAPE(4, 5));
    CU_ASSERT_EQUAL_FATAL(nplot_pcolormesh(ax, Z2, .cmap = "plasma"), ND_OK);
    nplot_artist *mesh = nplot_gci(fig);
    CU_ASSERT_EQUAL(nplot_artist_set_clim(mesh, 5, 15), ND_OK);
    img m = render(fig);
    CU_ASSERT_FATAL(m.px != NULL);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 5; j++)
            CU_ASSERT(px_near(at_data(&m, ax, j + 0.5, i + 0.5), wm + 4 * (i * 5 + j), 2));
    free(m.px);
    double sx[6] = { 0, 1, 2, 3, 4, 5 }, sc[6];
    for (int i = 0; i < 6; i++) sc[i] = 2 * sx[i];
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, sx, sx, 6, .c_f64 = { 6, sc }), ND_OK);
    nplot_artist *s = nplot_gci(fig);
    CU_ASSERT_PTR_NOT_EQUAL(s, mesh);
    CU_ASSERT_EQUAL(nplot_artist_set_clim(s, 0, 5), ND_OK);
    for (int i = 0; i < 6; i++) CU_ASSERT(rgba_near(A(s)->colors[i], ws + 4 * i, 2.5 / 255)); /* 8-bit colormap tables */
    /* sci: the mesh again; something not in the current axes is refused */
    CU_ASSERT_EQUAL(nplot_sci(fig, mesh), ND_OK);
    CU_ASSERT_PTR_EQUAL(nplot_gci(fig), mesh);
    nplot_plot_xy(ax, sx, sx, 2);
    CU_ASSERT_EQUAL(nplot_sci(fig, nplot_get_artist(ax, -1)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Argument must be an image, collection, or ContourSet"));
    nplot_axes *ax2 = nplot_subplot(fig, 2, 2, 4);
    CU_ASSERT_EQUAL(nplot_sci(fig, mesh), ND_EVALUE); /* not in the current axes */
    /* matplotlib's Figure._gci: the current axes has none, an earlier one's */
    CU_ASSERT_PTR_EQUAL(nplot_gci(fig), mesh);
    /* contourf: every band of the set recoloured */
    double X[30], Y[30], C[900];
    for (int i = 0; i < 30; i++) X[i] = Y[i] = -2 + 4.0 * i / 29;
    for (int i = 0; i < 30; i++)
        for (int j = 0; j < 30; j++) C[i * 30 + j] = exp(-(X[j] * X[j] + Y[i] * Y[i]));
    nd_array *xa = nd_from_f64(X, 30), *ya = nd_from_f64(Y, 30), *c1 = nd_from_f64(C, 900);
    nd_array *ca = nd_reshape(c1, ND_SHAPE(30, 30));
    CU_ASSERT_EQUAL_FATAL(nplot_contourf(ax2, xa, ya, ca, .levels = NPLOT_F64S(0, 0.2, 0.4, 0.6, 0.8, 1.0)), ND_OK);
    nplot_artist *cs = nplot_gci(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cs);
    CU_ASSERT_EQUAL(nplot_artist_set_clim(cs, 0.3, 0.7), ND_OK);
    int k = 0;
    for (artist *a = ax2->artists; a; a = a->next)
        if (a->cset && a->kind == ART_PATCHES && k < 5) CU_ASSERT(rgba_near(a->face, wc + 4 * k++, 2.5 / 255));
    CU_ASSERT_EQUAL(k, 5);
    /* no image at all */
    nplot_figure *f2 = nplot_figure_new();
    CU_ASSERT_PTR_NULL(nplot_gci(f2));
    CU_ASSERT_EQUAL(nplot_clim(f2, 0, 1), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "You must first define an image"));
    nplot_figure_free(f2);
    nd_free(Z);
    nd_free(Z2);
    nd_free(xa);
    nd_free(ya);
    nd_free(c1);
    nd_free(ca);
    nplot_figure_free(fig);
}

static void test_prop_cycle_lines_and_patches(void)
{
    double wc[20], wls[5], lw[5], wc2[20], bar[4];
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "cycle1_colors", wc, 20), 20);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "cycle1_ls", wls, 5), 5);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "cycle2_lw", lw, 5), 5);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "cycle2_colors", wc2, 20), 20);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, "cycle2_bar_face", bar, 4), 4);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 1 }, y[2] = { 0, 0 };
    CU_ASSERT_EQUAL(nplot_set_prop_cycle(ax, .color = NPLOT_STRS("r", "g", "b"),
                                         .linestyle = NPLOT_STRS("-", "--", ":")), ND_OK);
    nplot_plot_xy(ax, x, y, 2);
    nplot_plot_xy(ax, x, y, 2);
    nplot_plot_xy(ax, x, y, 2, .fmt = "k");
    nplot_plot_xy(ax, x, y, 2, .fmt = "m-.");
    nplot_plot_xy(ax, x, y, 2);
    for (int i = 0; i < 5; i++) {
        const artist *a = A(nplot_get_artist(ax, i));
        CU_ASSERT(rgba_near(a->lp.color, wc + 4 * i, 1e-9));
        CU_ASSERT_EQUAL(a->lp.ls, (int)wls[i]);
    }
    /* a product cycler, expanded: (o, 1), (o, 3), (s, 1), (s, 3); no colors → C0 lines, black bars */
    nplot_axes *ax2 = nplot_subplot(fig, 2, 2, 4);
    CU_ASSERT_EQUAL(nplot_set_prop_cycle(ax2, .marker = NPLOT_STRS("o", "o", "s", "s"),
                                         .linewidth = NPLOT_F64S(1, 3, 1, 3)), ND_OK);
    for (int i = 0; i < 5; i++) nplot_plot_xy(ax2, x, y, 2);
    for (int i = 0; i < 5; i++) {
        const artist *a = A(nplot_get_artist(ax2, i));
        CU_ASSERT_DOUBLE_EQUAL(a->lp.lw, lw[i], 1e-12);
        CU_ASSERT(rgba_near(a->lp.color, wc2 + 4 * i, 1e-9));
        CU_ASSERT_EQUAL(a->lp.marker, i % 4 < 2 ? MK_CIRCLE : MK_SQUARE);
    }
    CU_ASSERT_EQUAL(nplot_bar_xy(ax2, (double[]){ 0 }, (double[]){ 1 }, 1), ND_OK);
    CU_ASSERT(rgba_near(A(nplot_get_artist(ax2, -1))->face, bar, 1e-9));
    /* errors, and None: the rc cycle again */
    CU_ASSERT_EQUAL(nplot_set_prop_cycle(ax, .color = NPLOT_STRS("r", "g"), .linewidth = NPLOT_F64S(1, 2, 3)),
                    ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Can only add equal length cycles"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_prop_cycle(ax, .linestyle = NPLOT_STRS("wavy")), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_prop_cycle(ax, .color = NPLOT_STRS("r")), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_prop_cycle(ax), ND_OK);
    nplot_plot_xy(ax, x, y, 2);
    CU_ASSERT(near_rgb((unsigned char[]){ (unsigned char)lround(A(nplot_get_artist(ax, 0))->lp.color.r * 255),
                                          (unsigned char)lround(A(nplot_get_artist(ax, 0))->lp.color.g * 255),
                                          (unsigned char)lround(A(nplot_get_artist(ax, 0))->lp.color.b * 255) },
                      0x1f77b4, 0));
    CU_ASSERT_EQUAL(nplot_set_prop_cycle(NULL), ND_EVALUE);
    nplot_figure_free(fig);
}

static void check_violin(const char *tag, bool vert)
{
    char nm[64];
    double want[64];
    nplot_violin_stats vs[2] = {
        { (double[]){ 0, 1, 2, 3, 4 }, (double[]){ 0, 1, 2, 1, 0.5 }, 5, 2.1, 1.9, 0, 4, NPLOT_F64S(1, 3) },
        { (double[]){ 1, 2, 3 }, (double[]){ 0.2, 0.4, 0.1 }, 3, 2.0, 2.2, 1, 3, { 0 } },
    };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL_FATAL(nplot_violin(ax, vs, 2, .positions = NPLOT_F64S(2, 5), .vert = vert ? 0 : NPLOT_OFF,
                                       .widths_each = NPLOT_F64S(0.4, 1.0), .showmeans = true,
                                       .showmedians = true), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_artist_count(ax), 2 + 12);
    /* the bodies: left side pos - vals up, right side pos + vals down (matplotlib's polygon
     * repeats its corners: vertices 1..5 and 7..9) */
    snprintf(nm, sizeof nm, "violin_%s_body0", tag);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, nm, want, 64), 20);
    const artist *b = A(nplot_get_artist(ax, 0));
    for (int j = 0; j < 5; j++) {
        CU_ASSERT_DOUBLE_EQUAL(b->x[j], want[2 * (j + 1)], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(b->y[j], want[2 * (j + 1) + 1], 1e-12);
    }
    for (int j = 0; j < 3; j++) {
        CU_ASSERT_DOUBLE_EQUAL(b->x[5 + j], want[2 * (7 + j)], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(b->y[5 + j], want[2 * (7 + j) + 1], 1e-12);
    }
    snprintf(nm, sizeof nm, "violin_%s_body1", tag);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, nm, want, 64), 12);
    b = A(nplot_get_artist(ax, 1));
    for (int j = 0; j < 3; j++) {
        CU_ASSERT_DOUBLE_EQUAL(b->x[j], want[2 * (j + 1)], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(b->y[j], want[2 * (j + 1) + 1], 1e-12);
    }
    snprintf(nm, sizeof nm, "violin_%s_color", tag);
    fixture_values(REF, nm, want, 4);
    rgba face = b->colors ? b->colors[0] : b->face;
    face.a = b->alpha;
    CU_ASSERT(rgba_near(face, want, 1e-9));
    /* the lines in matplotlib's order, each segment (x0, y0, x1, y1) */
    static const char *const keys[6] = { "cmeans", "cmaxes", "cmins", "cbars", "cmedians", "cquantiles" };
    int k = 2;
    for (int g = 0; g < 6; g++) {
        snprintf(nm, sizeof nm, "violin_%s_%s", tag, keys[g]);
        int n = fixture_values(REF, nm, want, 64) / 4;
        CU_ASSERT_EQUAL(n, 2);
        for (int i = 0; i < n; i++, k++) {
            const artist *l = A(nplot_get_artist(ax, k));
            CU_ASSERT_EQUAL_FATAL(l->kind, ART_LINE);
            CU_ASSERT(fabs(l->x[0] - want[4 * i]) < 1e-12 && fabs(l->y[0] - want[4 * i + 1]) < 1e-12 &&
                      fabs(l->x[1] - want[4 * i + 2]) < 1e-12 && fabs(l->y[1] - want[4 * i + 3]) < 1e-12);
        }
    }
    double lim[2] = { 0, 0 }, lo, hi;
    snprintf(nm, sizeof nm, "violin_%s_xlim", tag);
    fixture_values(REF, nm, lim, 2);
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - lim[0]) < 1e-9 && fabs(hi - lim[1]) < 1e-9);
    snprintf(nm, sizeof nm, "violin_%s_ylim", tag);
    fixture_values(REF, nm, lim, 2);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - lim[0]) < 1e-9 && fabs(hi - lim[1]) < 1e-9);
    nplot_figure_free(fig);
}

static void test_violin_from_stats_matches_matplotlib(void)
{
    check_violin("v", true);
    check_violin("h", false);
}

static void test_violin_bad_input(void)
{
    nplot_violin_stats vs[1] = { { (double[]){ 0, 1 }, (double[]){ 1, 1 }, 2, 0.5, 0.5, 0, 1, { 0 } } };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_violin(ax, vs, 1, .positions = NPLOT_F64S(1, 2)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "violinplot statistics"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    vs[0].n = 0;
    CU_ASSERT_EQUAL(nplot_violin(ax, vs, 1), ND_EVALUE);
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_violin(NULL, vs, 1), ND_EVALUE);
}

static void golden(nplot_figure *fig, const char *name, double tol)
{
    golden_compare(fig, GOLDEN, name, tol);
    nplot_figure_free(fig);
}

static void check_pcolorfast(const char *name, const double *x, size_t nx, const double *y, size_t ny,
                             bool two_d)
{
    char nm[64];
    double cv[12], want[48], kind = 0, xl[2] = { 0, 0 }, yl[2] = { 0, 0 };
    fixture_values(REF, "pf_C", cv, 12);
    snprintf(nm, sizeof nm, "pf_%s_rgba", name);
    CU_ASSERT_EQUAL_FATAL(fixture_values(REF, nm, want, 48), 48);
    snprintf(nm, sizeof nm, "pf_%s_kind", name);
    fixture_values(REF, nm, &kind, 1);
    snprintf(nm, sizeof nm, "pf_%s_xlim", name);
    fixture_values(REF, nm, xl, 2);
    snprintf(nm, sizeof nm, "pf_%s_ylim", name);
    fixture_values(REF, nm, yl, 2);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *c1 = nd_from_f64(cv, 12), *C = nd_reshape(c1, ND_SHAPE(3, 4)), *X = NULL, *Y = NULL;
    if (x) {
        nd_array *x1 = nd_from_f64(x, nx), *y1 = nd_from_f64(y, ny);
        X = two_d ? nd_reshape(x1, ND_SHAPE(4, 5)) : nd_reshape(x1, ND_SHAPE((ptrdiff_t)nx));
        Y = two_d ? nd_reshape(y1, ND_SHAPE(4, 5)) : nd_reshape(y1, ND_SHAPE((ptrdiff_t)ny));
        nd_free(x1);
        nd_free(y1);
    }
    const char *style = NULL;
    nplot_artist *r = nplot_pcolorfast(ax, C, .x = X, .y = Y, .cmap = "magma", .style = &style);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    static const char *const kinds[3] = { "image", "pcolorimage", "quadmesh" };
    CU_ASSERT_STRING_EQUAL(style, kinds[(int)kind]);
    CU_ASSERT_PTR_EQUAL(nplot_gci(fig), r);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - xl[0]) < 1e-12 && fabs(hi - xl[1]) < 1e-12);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - yl[0]) < 1e-12 && fabs(hi - yl[1]) < 1e-12);
    img m = render(fig);
    CU_ASSERT_FATAL(m.px != NULL);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++) {
            double cx, cy;
            if (!x) cx = j + 0.5, cy = i + 0.5;
            else if (!two_d) cx = (x[j] + x[j + 1]) / 2, cy = (y[i] + y[i + 1]) / 2;
            else {
                cx = (x[i * 5 + j] + x[i * 5 + j + 1] + x[(i + 1) * 5 + j] + x[(i + 1) * 5 + j + 1]) / 4;
                cy = (y[i * 5 + j] + y[(i + 1) * 5 + j]) / 2;
            }
            if (!x || !two_d || kind == 2) /* uniform edges stretch to the extent */
                CU_ASSERT(px_near(at_data(&m, ax, x && kind == 0 ? x[0] + (j + 0.5) * (x[nx - 1] - x[0]) / 4 : cx,
                                          x && kind == 0 ? y[0] + (i + 0.5) * (y[ny - 1] - y[0]) / 3 : cy),
                                  want + 4 * (i * 4 + j), 2));
        }
    /* the golden, reviewed next to matplotlib's pcolorfast_<name>_mpl.png */
    nplot_figure *g = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 50);
    nplot_pcolorfast(nplot_subplot(g, 1, 1, 1), C, .x = X, .y = Y, .cmap = "magma");
    snprintf(nm, sizeof nm, "pcolorfast_%s", name);
    golden(g, nm, 1.0);
    free(m.px);
    nd_free(c1);
    nd_free(C);
    nd_free(X);
    nd_free(Y);
    nplot_figure_free(fig);
}

static void test_pcolorfast_kinds_match_matplotlib(void)
{
    check_pcolorfast("plain", NULL, 0, NULL, 0, false);
    check_pcolorfast("even", (double[]){ 0, 2, 4, 6, 8 }, 5, (double[]){ 0, 1, 2, 3 }, 4, false);
    check_pcolorfast("uneven", (double[]){ 0, 1, 3, 6, 10 }, 5, (double[]){ 0, 1, 3, 4 }, 4, false);
    double X[20], Y[20];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 5; j++) X[i * 5 + j] = j + 0.3 * i, Y[i * 5 + j] = i;
    check_pcolorfast("quad", X, 20, Y, 20, true);
    /* bad input */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *c = nd_zeros(ND_SHAPE(2, 2), ND_FLOAT64), *x = nd_linspace(0, 1, 3);
    CU_ASSERT_PTR_NULL(nplot_pcolorfast(ax, c, .x = x));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nplot_figure_free(fig);
    CU_ASSERT_PTR_NULL(nplot_pcolorfast(NULL, c));
    nd_free(c);
    nd_free(x);
}

static void test_add_collection_matches_matplotlib(void)
{
    double xl[2] = { 0, 0 }, yl[2] = { 0, 0 }, green = 0, lo, hi;
    fixture_values(REF, "lc_xlim", xl, 2);
    fixture_values(REF, "lc_ylim", yl, 2);
    fixture_values(REF, "lc_green_px", &green, 1);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[7] = { 0, 4, 0, 4, 1, 2, 3 }, y[7] = { 0, 1, 2, 2, 3, 5, 3 };
    size_t lens[3] = { 2, 2, 3 };
    nplot_artist *lc = nplot_add_collection(ax, x, y, lens, 3, .colors = NPLOT_STRS("r", "g", "b"),
                                            .linewidths = NPLOT_F64S(1, 3, 6), .label = "lines");
    CU_ASSERT_PTR_NOT_NULL_FATAL(lc);
    img m = render(fig);
    CU_ASSERT_FATAL(m.px != NULL);
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - xl[0]) < 1e-9 && fabs(hi - xl[1]) < 1e-9);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - yl[0]) < 1e-9 && fabs(hi - yl[1]) < 1e-9);
    /* each item in its color, the 3-point green line as thick as matplotlib's */
    CU_ASSERT(near_rgb(at_data(&m, ax, 2, 0.5), 0xff0000, 60));
    CU_ASSERT(near_rgb(at_data(&m, ax, 1.5, 4), 0x0000ff, 60));
    double px, py;
    nplot_data_to_pixel(ax, 1, 2, &px, &py);
    int run = 0;
    for (int r = 0; r < m.h; r++) {
        const unsigned char *p = at(&m, px, r);
        run += p[1] > 100 && p[0] + p[2] < 150;
    }
    CU_ASSERT(abs(run - (int)green) <= 1);
    free(m.px);
    CU_ASSERT_EQUAL(nplot_artist_remove(lc), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 0);
    /* polygons colored by an array: a mappable (gci, set_clim) */
    double pw[12], pc[12];
    fixture_values(REF, "pc_rgba", pw, 12);
    fixture_values(REF, "pc_clim_rgba", pc, 12);
    nplot_axes *ax2 = nplot_subplot(fig, 2, 2, 4);
    double vx[10] = { 0, 1, 1, 2, 3, 3, 2, 4, 5, 6 }, vy[10] = { 0, 0, 1, 0, 0, 2, 2, 1, 3, 1 };
    size_t pl[3] = { 3, 4, 3 };
    nplot_artist *pcoll = nplot_add_collection(ax2, vx, vy, pl, 3, .kind = "poly", .array = NPLOT_F64S(1, 2, 4));
    CU_ASSERT_PTR_NOT_NULL_FATAL(pcoll);
    for (int i = 0; i < 3; i++) CU_ASSERT(rgba_near(A(pcoll)->colors[i], pw + 4 * i, 2.5 / 255));
    CU_ASSERT_PTR_EQUAL(nplot_gci(fig), pcoll);
    CU_ASSERT_EQUAL(nplot_clim(fig, 2, 3), ND_OK);
    for (int i = 0; i < 3; i++) CU_ASSERT(rgba_near(A(pcoll)->colors[i], pc + 4 * i, 2.5 / 255));
    double pxl[2] = { 0, 0 }, pyl[2] = { 0, 0 };
    fixture_values(REF, "pc_xlim", pxl, 2);
    fixture_values(REF, "pc_ylim", pyl, 2);
    img m2 = render(fig);
    free(m2.px);
    nplot_get_xlim(ax2, &lo, &hi);
    CU_ASSERT(fabs(lo - pxl[0]) < 1e-9 && fabs(hi - pxl[1]) < 1e-9);
    nplot_get_ylim(ax2, &lo, &hi);
    CU_ASSERT(fabs(lo - pyl[0]) < 1e-9 && fabs(hi - pyl[1]) < 1e-9);
    /* bad input */
    CU_ASSERT_PTR_NULL(nplot_add_collection(ax2, vx, vy, pl, 3, .kind = "star"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "kind must be 'line' or 'poly'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_NULL(nplot_add_collection(ax, vx, vy, (size_t[]){ 1 }, 1));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_NULL(nplot_add_collection(ax, vx, vy, pl, 3, .array = NPLOT_F64S(1, 2)));
    nplot_figure_free(fig);
    CU_ASSERT_PTR_NULL(nplot_add_collection(NULL, vx, vy, pl, 3));
}

static void test_containers_match_matplotlib(void)
{
    double want[8];
    int nw = fixture_values(REF, "containers_kinds", want, 8);
    static const char *const names[5] = { "", "BarContainer", "ErrorbarContainer", "StemContainer", "Container" };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 1, 2 }, h[2] = { 3, 4 }, y[2] = { 1, 2 }, x2[2] = { 3, 4 }, h2[2] = { 1, 2 };
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x, h, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_errorbar_xy(ax, x, y, 2, .yerr_f64 = NPLOT_F64S(0.1, 0.2), .capsize = 3), ND_OK);
    double ys[2] = { 2, 1 }, hv[4] = { 1, 2, 2, 3 };
    CU_ASSERT_EQUAL(nplot_stem_xy(ax, x, ys, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x2, h2, 2, .yerr = NPLOT_F64S(0.5, 0.5)), ND_OK);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, hv, 4, .bins = 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_container_count(ax), nw);
    for (int i = 0; i < nw && i < nplot_container_count(ax); i++)
        CU_ASSERT_STRING_EQUAL(nplot_container_kind(ax, i), names[(int)want[i]]);
    /* the stem container: markers, stems, baseline; removing it removes all three */
    nplot_artist *parts[8];
    CU_ASSERT_EQUAL(nplot_container_parts(ax, 2, parts, 8), 3);
    ptrdiff_t before = nplot_artist_count(ax);
    CU_ASSERT_EQUAL(nplot_container_remove(ax, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), before - 3);
    CU_ASSERT_EQUAL(nplot_container_count(ax), nw - 1);
    for (int j = 0; j < 3; j++) CU_ASSERT_EQUAL(nplot_artist_set_alpha(parts[j], 0.5), ND_EVALUE);
    /* a user's container: one legend entry for the group */
    nplot_artist *a = nplot_get_artist(ax, 0), *b = nplot_get_artist(ax, 1);
    nplot_artist *grp[2] = { a, b };
    CU_ASSERT_EQUAL(nplot_add_container(ax, grp, 2, "group"), nw - 1);
    CU_ASSERT_STRING_EQUAL(nplot_container_kind(ax, -1), "Container");
    CU_ASSERT_STRING_EQUAL(A(a)->label, "group");
    CU_ASSERT_PTR_NULL(A(b)->label);
    CU_ASSERT_EQUAL(nplot_add_container(ax, grp, 0, NULL), -1);
    CU_ASSERT_PTR_NULL(nplot_container_kind(ax, 99));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_EQUAL(nplot_container_remove(ax, 99), ND_EINDEX);
    CU_ASSERT_EQUAL(nplot_cla(ax), ND_OK);
    CU_ASSERT_EQUAL(nplot_container_count(ax), 0);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_gouraud_and_hexbin_set_clim(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *v = nd_linspace(0, 5, 6), *C = nd_reshape(v, ND_SHAPE(2, 3));
    CU_ASSERT_EQUAL_FATAL(nplot_pcolormesh(ax, C, .shading = "gouraud"), ND_OK);
    nplot_artist *g = nplot_gci(fig);
    CU_ASSERT_STRING_EQUAL(nplot_artist_kind(g), "gouraud mesh");
    CU_ASSERT_EQUAL(nplot_artist_set_clim(g, 10, 20), ND_OK); /* every corner under: the first entry */
    const artist *a = A(g);
    for (size_t i = 0; i < a->n; i++) CU_ASSERT(rgba_near(a->colors[i], (double[]){ 0.267004, 0.004874, 0.329415, 1 }, 2.5 / 255));
    /* hexbin counts */
    double hx[5] = { 0, 0.1, 0.2, 3, 3.1 };
    CU_ASSERT_EQUAL_FATAL(nplot_hexbin_xy(ax, hx, hx, 5, .gridsize = 4), ND_OK);
    nplot_artist *h = nplot_gci(fig);
    CU_ASSERT_EQUAL(nplot_artist_set_clim(h, 100, 200), ND_OK);
    a = A(h);
    for (size_t i = 0; i < a->npoly; i++) CU_ASSERT(rgba_near(a->colors[i], (double[]){ 0.267004, 0.004874, 0.329415, 1 }, 2.5 / 255));
    CU_ASSERT_EQUAL(nplot_artist_set_clim(nplot_get_artist(ax, 0), NAN, NAN), ND_OK);
    /* a plain line is not colour-mapped */
    nplot_plot_xy(ax, hx, hx, 5);
    CU_ASSERT_EQUAL(nplot_artist_set_clim(nplot_get_artist(ax, -1), 0, 1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL(m.px);
    free(m.px);
    nd_free(v);
    nd_free(C);
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_image_set_clim_recolors_and_colorbar_follows),
    ND_T(test_large_image_lazy_recolor),
    ND_T(test_mesh_scatter_contourf_set_clim),
    ND_T(test_prop_cycle_lines_and_patches),
    ND_T(test_violin_from_stats_matches_matplotlib),
    ND_T(test_violin_bad_input),
    ND_T(test_pcolorfast_kinds_match_matplotlib),
    ND_T(test_add_collection_matches_matplotlib),
    ND_T(test_containers_match_matplotlib),
    ND_T(test_gouraud_and_hexbin_set_clim),
    { 0 },
};

ND_TEST_MAIN("plot_imgcol", tests)
