/* libnumc_plot: hatching on every patch, hist of several datasets (side by side, stacked,
 * step outlines, horizontal, log), bar error bars and bar_label, the donut pie and its
 * autopct rounding, string categories for plot and scatter. Structural checks against
 * matplotlib's own bars, polygons and texts (scripts/gen_bars_more_fixtures.py), pixels of
 * the hatch patterns against matplotlib's rendering (scripts/mpl_hatch_reference.py), and
 * the example's golden image (reviewed next to scripts/mpl_bars_hatches_reference.py).
 * White-box: reads the artists the builders made (plot_model.h). */
#define _GNU_SOURCE
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faultsim.h"
#include "fixture.h"
#include "plot_image.h"
#include "plot_model.h"
#include "testutil.h"

#define FIX NUMC_TEST_DATA "/plot/bars_more.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"

#define main bars_hatches_example
#include "../examples/bars_hatches.c"
#undef main

static char tmpdir[64];

/* The example's datasets: 200 values each, the same formula as the fixture script's. */
static double data[3][200];
static const double *dp[3] = { data[0], data[1], data[2] };
static const size_t dn[3] = { 200, 200, 200 };
static void fill_data(void)
{
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 200; i++)
            data[k][i] = fmod(i * 0.618034, 1) * 4 + fmod(i * 0.4142136 + 0.3 * k, 1) * 2 + k;
}

/* The k-th artist of ax (0-based) of the given kind, or NULL. */
static artist *nth(nplot_axes *ax, artist_kind kind, int k)
{
    for (artist *a = ax->artists; a; a = a->next)
        if (a->kind == kind && k-- == 0) return a;
    return NULL;
}

static int count(nplot_axes *ax, artist_kind kind)
{
    int n = 0;
    for (artist *a = ax->artists; a; a = a->next) n += a->kind == kind;
    return n;
}

/* The i-th rectangle (4 vertices, NaN-separated) of a bar artist as x, width, y, height. */
static void rect_of(const artist *a, int i, double r[4])
{
    const double *x = a->x + 5 * i, *y = a->y + 5 * i;
    r[0] = fmin(x[0], x[1]), r[1] = fabs(x[1] - x[0]);
    r[2] = fmin(y[0], y[2]), r[3] = fabs(y[2] - y[0]);
    if (x[0] == x[1]) { /* barh: the vertices run along y first */
        r[0] = fmin(x[0], x[2]), r[1] = fabs(x[2] - x[0]);
        r[2] = fmin(y[0], y[1]), r[3] = fabs(y[1] - y[0]);
    }
}

/* The texts of a fixture line ("name t0 t1 ...") into out (strdup'd), their count. */
static int fixture_texts(const char *name, char **out, int cap)
{
    char *line = fixture_line(FIX, name);
    if (!line) return 0;
    int n = 0;
    char *save = NULL;
    strtok_r(line, " \n", &save);
    for (char *t = strtok_r(NULL, " \n", &save); t && n < cap; t = strtok_r(NULL, " \n", &save))
        out[n++] = strdup(t);
    free(line);
    return n;
}

static void free_texts(char **t, int n)
{
    for (int i = 0; i < n; i++) free(t[i]);
}

/* ---- hatching ------------------------------------------------------------------------------- */
static void test_hatch_parse(void)
{
    nplot_figure *fig = nplot_figure_new();
    hatch_spec h;
    CU_ASSERT_EQUAL(nplot__hatch_parse(fig, "//x+.*oO-|\\", &h, "t"), ND_OK);
    CU_ASSERT_EQUAL(h.n[HATCH_NE], 3);     /* / / x */
    CU_ASSERT_EQUAL(h.n[HATCH_SE], 2);     /* x \ */
    CU_ASSERT_EQUAL(h.n[HATCH_H], 2);      /* + - */
    CU_ASSERT_EQUAL(h.n[HATCH_V], 2);      /* + | */
    CU_ASSERT_EQUAL(h.n[HATCH_DOT], 1);
    CU_ASSERT_EQUAL(h.n[HATCH_STAR], 1);
    CU_ASSERT_EQUAL(h.n[HATCH_SMALL_O], 1);
    CU_ASSERT_EQUAL(h.n[HATCH_LARGE_O], 1);
    CU_ASSERT(h.any);
    CU_ASSERT_EQUAL(nplot__hatch_parse(fig, "", &h, "t"), ND_OK);
    CU_ASSERT(!h.any);
    CU_ASSERT_EQUAL(nplot__hatch_parse(fig, NULL, &h, "t"), ND_OK);
    CU_ASSERT(!h.any);
    nplot_figure_free(fig);
    /* an unknown character names itself, whatever the patch */
    const char *whos[] = { "bar", "hist", "pie", "fill_between", "contourf", "broken_barh", "stackplot" };
    for (int k = 0; k < 7; k++) {
        fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        double v[3] = { 1, 2, 3 }, z[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        nd_array *Z = nd_from_buffer(z, 2, (const ptrdiff_t[]){ 3, 3 }, ND_FLOAT64);
        nd_array *X = nd_from_f64(v, 3), *R = nd_from_buffer(v, 2, (const ptrdiff_t[]){ 1, 2 }, ND_FLOAT64);
        nd_status st = k == 0 ? nplot_bar_xy(ax, v, v, 3, .hatch = "/k")
                     : k == 1 ? nplot_hist_xy(ax, v, 3, .hatch = "/k")
                     : k == 2 ? nplot_pie_xy(ax, v, 3, .hatch = "/k")
                     : k == 3 ? nplot_fill_between_xy(ax, v, v, NULL, 3, .hatch = "/k")
                     : k == 4 ? nplot_contourf(ax, NULL, NULL, Z, .hatches = NPLOT_STRS("/", "/k"))
                     : k == 5 ? nplot_broken_barh(ax, R, 0, 1, .hatch = "/k")
                              : nplot_stackplot(ax, X, X, .hatch = "/k");
        CU_ASSERT_EQUAL(st, ND_EVALUE);
        if (!strstr(nd_errmsg(), "unknown hatch character 'k'")) fprintf(stderr, "%s: %s\n", whos[k], nd_errmsg());
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "unknown hatch character 'k'"));
        nd_free(Z), nd_free(X), nd_free(R);
        nplot_figure_free(fig);
    }
}

/* The scene of scripts/mpl_hatch_reference.py: every pattern, pixel for pixel against
 * matplotlib's Agg rendering (no text on the figure). */
static nplot_figure *hatch_scene(void)
{
    static const char *row1[10] = { "/", "\\", "|", "-", "+", "x", "o", "O", ".", "*" };
    static const char *row2[10] = { "//", "\\\\\\", "||", "--", "++", "xx", "oo", "OO", "..", "x*" };
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 72);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    nplot_set_xlim(ax, -0.5, 9.5);
    nplot_set_ylim(ax, 0, 2);
    for (int i = 0; i < 10; i++) {
        double x = i, h = 0.9;
        nplot_bar_xy(ax, &x, &h, 1, .bottom = 1.05, .width = 0.9, .color = "#ffffcc", .hatch = row1[i]);
        nplot_bar_xy(ax, &x, &h, 1, .bottom = 0.05, .width = 0.9, .color = "#ccffff", .hatch = row2[i],
                     .edgecolor = i == 8 ? "tab:blue" : NULL);
    }
    return fig;
}

static void test_hatch_patterns_match_matplotlib(void)
{
    nplot_figure *fig = hatch_scene();
    char out[128];
    snprintf(out, sizeof out, "%s/hatch.png", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    double rms = image_rms(GOLDEN "/hatch_patterns_mpl.png", out);
    if (!(rms >= 0 && rms <= 4)) fprintf(stderr, "hatch patterns vs matplotlib: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 4);
    /* the '-' bar (top row, 4th): dark pixels on the hatch rows, the face between them */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nplot_axes *ax = fig->axes;
    int dark = 0, light = 0;
    for (double y = 1.1; y < 1.9; y += 0.005) {
        const unsigned char *p = at_data(&m, ax, 3, y);
        dark += p[0] < 200, light += near_rgb(p, 0xffffcc, 8);
    }
    CU_ASSERT(dark > 5 && light > 5 * dark / 2);
    /* the '..' bar hatched in its edge color: blue dots, no black ones */
    int blue = 0, black = 0;
    for (double y = 0.1; y < 0.9; y += 0.002)
        for (double x = 7.7; x < 8.3; x += 0.02) {
            const unsigned char *p = at_data(&m, ax, x, y);
            blue += p[2] > 150 && p[0] < 80, black += p[0] < 40 && p[1] < 40 && p[2] < 40;
        }
    CU_ASSERT(blue > 20);
    CU_ASSERT_EQUAL(black, 0);
    free(m.px);
    /* the same scene as SVG and PDF: the hatch as vector paths, no failure */
    snprintf(out, sizeof out, "%s/hatch.svg", tmpdir);
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    size_t len = 0;
    char *svg = read_file(out, &len);
    CU_ASSERT(svg && len > 10000);
    free(svg);
    snprintf(out, sizeof out, "%s/hatch.pdf", tmpdir);
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
}

/* The second scene of scripts/mpl_hatch_reference.py: hatched histograms of three datasets
 * side by side and a stacked step outline, no text, against matplotlib's pixels. */
static void test_hist_sets_match_matplotlib(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 72);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_hist_sets_xy(ax, dp, dn, 3, .bins = 8, .hatch = "/", .edgecolor = "black",
                                       .linewidth = 0.5), ND_OK);
    CU_ASSERT_EQUAL(nplot_hist_sets_xy(ax, dp, dn, 2, .bins = 8, .histtype = "step", .stacked = true,
                                       .colors = NPLOT_STRS("C3", "C4"), .linewidth = 2), ND_OK);
    nplot_set_xlim(ax, 0, 8);
    nplot_set_ylim(ax, 0, 110);
    char out[128];
    snprintf(out, sizeof out, "%s/hist_sets.png", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    double rms = image_rms(GOLDEN "/hist_sets_mpl.png", out);
    if (!(rms >= 0 && rms <= 4)) fprintf(stderr, "hist sets vs matplotlib: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 4);
    nplot_figure_free(fig);
}

/* hatch.linewidth: a 3-point hatch puts about three times the ink of a 1-point one. */
static void test_hatch_linewidth(void)
{
    double dark[2] = { 0, 0 };
    for (int k = 0; k < 2; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 72);
        nplot_axes *ax = bare_axes(fig, 0, 1, 0, 1);
        double x = 0.5, h = 1;
        nplot_bar_xy(ax, &x, &h, 1, .width = 1, .color = "white", .hatch = "-",
                     .hatch_linewidth = k ? 3 : 0);
        CU_ASSERT_DOUBLE_EQUAL(nth(ax, ART_PATCHES, 0)->hatch_lw, k ? 3 : 1, 0);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        for (double y = 0.05; y < 0.95; y += 0.002) dark[k] += 255 - at_data(&m, ax, 0.5, y)[0];
        free(m.px);
        nplot_figure_free(fig);
    }
    if (!(dark[1] > 2.5 * dark[0] && dark[1] < 3.5 * dark[0] && dark[0] > 0))
        fprintf(stderr, "hatch lw: %g %g\n", dark[0], dark[1]);
    CU_ASSERT(dark[1] > 2.5 * dark[0] && dark[1] < 3.5 * dark[0] && dark[0] > 0);
}

/* Every patch kind carries the hatch and paints it: pixels inside the filled area turn
 * dark where an unhatched fill stays its face color. */
static void test_hatch_on_every_patch(void)
{
    for (int k = 0; k < 5; k++) {
        int dark[2] = { 0, 0 };
        for (int hatched = 0; hatched < 2; hatched++) {
            nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 72);
            nplot_axes *ax = bare_axes(fig, -1.3, 1.3, -1.3, 1.3);
            double xs[3] = { -1, 0, 1 }, ys[3] = { 1, 1, 1 }, w = 1;
            double z[4] = { 0, 1, 1, 2 };
            nd_array *Z = nd_from_buffer(z, 2, (const ptrdiff_t[]){ 2, 2 }, ND_FLOAT64);
            double rr[2] = { -1, 2 };
            nd_array *R = nd_from_buffer(rr, 2, (const ptrdiff_t[]){ 1, 2 }, ND_FLOAT64);
            const char *h = hatched ? "x" : NULL;
            nd_status st = k == 0 ? nplot_fill_between_xy(ax, xs, ys, NULL, 3, .hatch = h, .color = "white")
                         : k == 1 ? nplot_pie_xy(ax, &w, 1, .hatch = h, .colors = NPLOT_STRS("white"))
                         : k == 2 ? nplot_broken_barh(ax, R, -1, 2, .hatch = h, .facecolors = NPLOT_STRS("white"))
                         : k == 3 ? nplot_contourf(ax, NULL, NULL, Z, .levels = NPLOT_F64S(-1, 3),
                                                   .colors = NPLOT_STRS("white"),
                                                   .hatches = { hatched ? 1 : 0, ((const char *const[]){ "x" }) })
                                  : nplot_fill_xy(ax, ((double[]){ -1, 1, 0 }), ((double[]){ -1, -1, 1 }), 3,
                                                  .hatch = h, .color = "white");
            CU_ASSERT_EQUAL_FATAL(st, ND_OK);
            if (k == 1) { /* pie sets its own limits */
                nplot_set_xlim(ax, -1.3, 1.3);
                nplot_set_ylim(ax, -1.3, 1.3);
            }
            if (k == 3) {
                nplot_set_xlim(ax, 0, 1);
                nplot_set_ylim(ax, 0, 1);
            }
            img m = render(fig);
            CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
            double x0 = k == 3 ? 0.2 : -0.3, x1 = k == 3 ? 0.8 : 0.3, y0 = k == 3 ? 0.2 : 0.05;
            for (double y = y0; y < y0 + 0.5; y += 0.01)
                for (double x = x0; x < x1; x += 0.01) dark[hatched] += at_data(&m, ax, x, y)[0] < 128;
            free(m.px);
            nd_free(Z), nd_free(R);
            nplot_figure_free(fig);
        }
        if (!(dark[0] == 0 && dark[1] > 50)) fprintf(stderr, "kind %d: dark %d %d\n", k, dark[0], dark[1]);
        CU_ASSERT(dark[0] == 0 && dark[1] > 50);
    }
}

/* ---- hist of several datasets ---------------------------------------------------------------- */
static void check_rects(nplot_axes *ax, int nsets, int nbins, const char *fixname)
{
    double want[3 * 10 * 4];
    int nw = fixture_values(FIX, fixname, want, 120);
    CU_ASSERT_EQUAL_FATAL(nw, nsets * nbins * 4);
    CU_ASSERT_EQUAL_FATAL(count(ax, ART_PATCHES), nsets);
    for (int d = 0; d < nsets; d++) {
        artist *a = nth(ax, ART_PATCHES, d);
        CU_ASSERT_EQUAL_FATAL(a->npoly, (size_t)nbins);
        for (int i = 0; i < nbins; i++) {
            double r[4];
            rect_of(a, i, r);
            for (int j = 0; j < 4; j++) ND_ASSERT_CLOSE(r[j], want[(d * nbins + i) * 4 + j], 1e-12);
        }
    }
}

static void test_hist_side_by_side(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *counts = NULL, *edges = NULL;
    CU_ASSERT_EQUAL_FATAL(nplot_hist_sets_xy(ax, dp, dn, 3, .bins = 8, .counts_out = &counts,
                                             .edges_out = &edges, .labels = NPLOT_STRS("a", "b", "c")),
                          ND_OK);
    double want[24] = { 0 }, got[24] = { 0 };
    CU_ASSERT_EQUAL(fixture_values(FIX, "side_counts", want, 24), 24);
    CU_ASSERT_EQUAL(nd_ndim(counts), 2);
    CU_ASSERT_EQUAL(nd_shape(counts)[0], 3);
    CU_ASSERT_EQUAL(nd_shape(counts)[1], 8);
    nd_to_f64(counts, got);
    for (int i = 0; i < 24; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], want[i], 0);
    double we[9] = { 0 }, ge[9] = { 0 };
    CU_ASSERT_EQUAL(fixture_values(FIX, "side_edges", we, 9), 9);
    nd_to_f64(edges, ge);
    for (int i = 0; i < 9; i++) ND_ASSERT_CLOSE(ge[i], we[i], 1e-14);
    check_rects(ax, 3, 8, "side_rects");
    /* colors from the line cycle, labels per dataset */
    CU_ASSERT_STRING_EQUAL(nth(ax, ART_PATCHES, 1)->label, "b");
    CU_ASSERT(near_rgb((unsigned char[]){ (unsigned char)(nth(ax, ART_PATCHES, 1)->face.r * 255 + 0.5),
                                          (unsigned char)(nth(ax, ART_PATCHES, 1)->face.g * 255 + 0.5),
                                          (unsigned char)(nth(ax, ART_PATCHES, 1)->face.b * 255 + 0.5) },
                       0xff7f0e, 1));
    double lim[2], wl[2] = { 0, 0 };
    nplot_get_xlim(ax, &lim[0], &lim[1]);
    CU_ASSERT_EQUAL(fixture_values(FIX, "side_xlim", wl, 2), 2);
    ND_ASSERT_CLOSE(lim[0], wl[0], 1e-9);
    ND_ASSERT_CLOSE(lim[1], wl[1], 1e-9);
    nplot_get_ylim(ax, &lim[0], &lim[1]);
    CU_ASSERT_EQUAL(fixture_values(FIX, "side_ylim", wl, 2), 2);
    ND_ASSERT_CLOSE(lim[0], wl[0], 1e-9);
    ND_ASSERT_CLOSE(lim[1], wl[1], 1e-9);
    nd_free(counts), nd_free(edges);
    nplot_figure_free(fig);

    /* the nd_array form: a 2-D array's columns are the datasets */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    double cols[600];
    for (int i = 0; i < 200; i++)
        for (int d = 0; d < 3; d++) cols[i * 3 + d] = data[d][i];
    nd_array *X = nd_from_buffer(cols, 2, (const ptrdiff_t[]){ 200, 3 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_hist(ax, X, .bins = 8), ND_OK);
    check_rects(ax, 3, 8, "side_rects");
    nd_free(X);
    nplot_figure_free(fig);
}

static void test_hist_stacked(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist_sets_xy(ax, dp, dn, 3, .bins = 6, .histtype = "barstacked"), ND_OK);
    check_rects(ax, 3, 6, "stacked_rects");
    nplot_figure_free(fig);
    /* stacked = true with histtype bar is the same */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *counts = NULL;
    CU_ASSERT_EQUAL(nplot_hist_sets_xy(ax, dp, dn, 3, .bins = 6, .stacked = true, .density = true,
                                       .counts_out = &counts), ND_OK);
    double want[18] = { 0 }, got[18] = { 0 };
    CU_ASSERT_EQUAL(fixture_values(FIX, "stacked_density_tops", want, 18), 18);
    nd_to_f64(counts, got);
    for (int i = 0; i < 18; i++) ND_ASSERT_CLOSE(got[i], want[i], 1e-12);
    nd_free(counts);
    nplot_figure_free(fig);
    /* horizontal */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist_sets_xy(ax, dp, dn, 3, .bins = 6, .histtype = "barstacked",
                                       .orientation = "horizontal"), ND_OK);
    check_rects(ax, 3, 6, "horiz_rects");
    nplot_figure_free(fig);
}

static void test_hist_step_stacked(void)
{
    const char *kinds[2] = { "step", "stepfilled" };
    for (int t = 0; t < 2; t++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL_FATAL(nplot_hist_sets_xy(ax, dp, dn, 2, .bins = 5, .histtype = kinds[t],
                                                 .stacked = true, .hatch = t ? "/" : NULL),
                              ND_OK);
        artist_kind kind = ART_PATCHES; /* step: an open, unfilled patch */
        CU_ASSERT_EQUAL(count(ax, kind), 2);
        for (int d = 0; d < 2; d++) {
            /* added in reverse (the lower dataset drawn last) */
            artist *a = nth(ax, kind, 1 - d);
            char nx[32], ny[32];
            snprintf(nx, sizeof nx, "%s_d%d_x", kinds[t], d);
            snprintf(ny, sizeof ny, "%s_d%d_y", kinds[t], d);
            double wx[32] = { 0 }, wy[32] = { 0 };
            int n = fixture_values(FIX, nx, wx, 32);
            CU_ASSERT_EQUAL(fixture_values(FIX, ny, wy, 32), n);
            /* stepfilled: matplotlib's closed polygon repeats its first vertex */
            int want_n = t ? n - 1 : n;
            CU_ASSERT_EQUAL_FATAL((int)a->n, want_n);
            for (int i = 0; i < want_n; i++) {
                ND_ASSERT_CLOSE(a->x[i], wx[i], 1e-12);
                ND_ASSERT_CLOSE(a->y[i], wy[i], 1e-12);
            }
            if (t) CU_ASSERT(a->hatch.any);
            CU_ASSERT_EQUAL(a->has_face, t == 1);
            CU_ASSERT_EQUAL(a->open_path, t == 0);
        }
        nplot_figure_free(fig);
    }
}

static void test_hist_log_and_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist_sets_xy(ax, dp, dn, 2, .log = true, .histtype = "step"), ND_OK);
    CU_ASSERT_EQUAL(ax->ya.scale, SCALE_LOG);
    CU_ASSERT_EQUAL(nplot_hist_sets_xy(ax, dp, dn, 2, .log = true, .orientation = "horizontal"), ND_OK);
    CU_ASSERT_EQUAL(ax->xa.scale, SCALE_LOG);
    nplot_figure_free(fig);
    struct {
        nd_status want;
        const char *msg;
        nplot_hist_opts o;
    } bad[] = {
        { ND_EVALUE, "'colors' has 1 value,", { .colors = NPLOT_STRS("red") } },
        { ND_EVALUE, "'labels' has 2 values", { .labels = NPLOT_STRS("a", "b") } },
        { ND_EVALUE, "give 'colors' with one per dataset", { .color = "red" } },
        { ND_EVALUE, "'barstacked'", { .histtype = "bars" } },
        { ND_EVALUE, "unknown hatch character 'q'", { .hatch = "q" } },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        fig = nplot_figure_new();
        ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_hist_sets_xy_(ax, dp, dn, 3, &bad[i].o), bad[i].want);
        if (!strstr(nd_errmsg(), bad[i].msg)) fprintf(stderr, "hist bad %zu: %s\n", i, nd_errmsg());
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), bad[i].msg));
        nplot_figure_free(fig);
    }
}

/* ---- bars: error bars, bar_label, log ------------------------------------------------------ */
static void test_bar_label_matches_matplotlib(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[4] = { 0, 1, 2, 3 }, men[4] = { 20, 35, 30, 35 }, women[4] = { 25, 32, 34, 20 };
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x, men, 4, .yerr = NPLOT_F64S(2, 3, 4, 1), .capsize = 4), ND_OK);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x, women, 4, .bottoms = NPLOT_F64_ARRAY(men, 4),
                                 .yerr = NPLOT_F64S(3, 5, 2, 3), .capsize = 4), ND_OK);
    /* error bars: one segments artist per bar call, through the bar tops */
    CU_ASSERT_EQUAL(count(ax, ART_SEGMENTS) >= 2, true);
    artist *eb = nth(ax, ART_SEGMENTS, 0);
    CU_ASSERT_DOUBLE_EQUAL(eb->x[0], 0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(eb->y[0], 18, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(eb->y[1], 22, 1e-12);
    int before = count(ax, ART_ANNOTATE);
    CU_ASSERT_EQUAL(nplot_bar_label(ax, .container = 1, .label_type = "center"), ND_OK);
    CU_ASSERT_EQUAL(nplot_bar_label(ax, .container = 2, .fmt = "%.1f", .padding = 3), ND_OK);
    CU_ASSERT_EQUAL(count(ax, ART_ANNOTATE), before + 8);
    char *center[4], *edge[4], *va[4];
    CU_ASSERT_EQUAL_FATAL(fixture_texts("label_center_texts", center, 4), 4);
    CU_ASSERT_EQUAL_FATAL(fixture_texts("label_edge_texts", edge, 4), 4);
    CU_ASSERT_EQUAL_FATAL(fixture_texts("label_edge_va", va, 4), 4);
    double xy[8] = { 0 }, off[8] = { 0 };
    CU_ASSERT_EQUAL(fixture_values(FIX, "label_edge_xy", xy, 8), 8);
    CU_ASSERT_EQUAL(fixture_values(FIX, "label_edge_offset", off, 8), 8);
    for (int i = 0; i < 4; i++) {
        artist *c = nth(ax, ART_ANNOTATE, before + i), *e = nth(ax, ART_ANNOTATE, before + 4 + i);
        CU_ASSERT_STRING_EQUAL(c->text, center[i]);
        CU_ASSERT_DOUBLE_EQUAL(c->y[0], men[i] / 2, 1e-12);
        CU_ASSERT_EQUAL(c->va, VA_CENTER);
        CU_ASSERT_STRING_EQUAL(e->text, edge[i]);
        CU_ASSERT_DOUBLE_EQUAL(e->x[0], xy[2 * i], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(e->y[0], xy[2 * i + 1], 1e-12); /* past the error bar */
        CU_ASSERT_DOUBLE_EQUAL(e->tx, off[2 * i], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(e->ty, off[2 * i + 1], 1e-12);
        CU_ASSERT_EQUAL(e->tcoord, COORD_OFFSET);
        CU_ASSERT_EQUAL(e->va, nplot__parse_va(va[i]));
    }
    free_texts(center, 4), free_texts(edge, 4), free_texts(va, 4);
    /* barh with a negative bar: the label goes left, right-aligned */
    CU_ASSERT_EQUAL(nplot_barh_xy(ax, ((double[]){ 0, 1, 2 }), ((double[]){ 3, -2, 0.5 }), 3), ND_OK);
    before = count(ax, ART_ANNOTATE);
    CU_ASSERT_EQUAL(nplot_bar_label(ax, .padding = 4), ND_OK);
    char *ht[3], *ha[3];
    CU_ASSERT_EQUAL_FATAL(fixture_texts("label_barh_texts", ht, 3), 3);
    CU_ASSERT_EQUAL_FATAL(fixture_texts("label_barh_ha", ha, 3), 3);
    CU_ASSERT_EQUAL(fixture_values(FIX, "label_barh_xy", xy, 6), 6);
    CU_ASSERT_EQUAL(fixture_values(FIX, "label_barh_offset", off, 6), 6);
    for (int i = 0; i < 3; i++) {
        artist *e = nth(ax, ART_ANNOTATE, before + i);
        CU_ASSERT_STRING_EQUAL(e->text, ht[i]);
        CU_ASSERT_EQUAL(e->ha, nplot__parse_ha(ha[i]));
        CU_ASSERT_DOUBLE_EQUAL(e->x[0], xy[2 * i], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(e->y[0], xy[2 * i + 1], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(e->tx, off[2 * i], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(e->ty, off[2 * i + 1], 1e-12);
    }
    free_texts(ht, 3), free_texts(ha, 3);
    nplot_figure_free(fig);
}

static size_t label_fn(double value, int index, char *buf, size_t cap, void *ctx)
{
    return (size_t)snprintf(buf, cap, "%s%d=%g", (const char *)ctx, index, value);
}

static void test_bar_label_formats(void)
{
    struct {
        const char *fmt;
        double v;
        const char *want;
    } cases[] = {
        { "%g", 45, "45" },           { "%.2f", 3.14159, "3.14" },   { "%d", 7.9, "7" },
        { "%d%%", 12, "12%" },        { "{:.2f}", 2.5, "2.50" },     { "{}", 3, "3.0" },
        { "{}", 0.1, "0.1" },         { "{:,.0f}", 1234567, "1,234,567" },
        { "{:.1%}", 0.25, "25.0%" },  { "n={:g}", 1e6, "n=1e+06" },  { "{:d}", 42, "42" },
        { "{{{:.1f}}}", 2, "{2.0}" }, { "{:+.1f}", 2, "+2.0" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        double x = 0;
        CU_ASSERT_EQUAL(nplot_bar_xy(ax, &x, &cases[i].v, 1), ND_OK);
        CU_ASSERT_EQUAL(nplot_bar_label(ax, .fmt = cases[i].fmt), ND_OK);
        artist *a = nth(ax, ART_ANNOTATE, 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        if (strcmp(a->text, cases[i].want)) fprintf(stderr, "fmt %s: '%s'\n", cases[i].fmt, a->text);
        CU_ASSERT_STRING_EQUAL(a->text, cases[i].want);
        nplot_figure_free(fig);
    }
    /* a callable fmt */
    {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        double hv[2] = { 3, 4 };
        CU_ASSERT_EQUAL(nplot_bar_xy(ax, ((double[]){ 0, 1 }), hv, 2), ND_OK);
        CU_ASSERT_EQUAL(nplot_bar_label(ax, .fmt_fn = label_fn, .fmt_ctx = "n"), ND_OK);
        CU_ASSERT_STRING_EQUAL(nth(ax, ART_ANNOTATE, 1)->text, "n1=4");
        nplot_figure_free(fig);
    }
    /* custom labels, NaN bars get "" */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, ((double[]){ 0, 1 }), ((double[]){ 1, NAN }), 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_bar_label(ax, .labels = NPLOT_STRS("one", "two")), ND_OK);
    CU_ASSERT_STRING_EQUAL(nth(ax, ART_ANNOTATE, 0)->text, "one");
    CU_ASSERT_EQUAL(nplot_bar_label(ax), ND_OK);
    CU_ASSERT_STRING_EQUAL(nth(ax, ART_ANNOTATE, 1)->text, ""); /* matplotlib: NaN bars get "" */
    CU_ASSERT_STRING_EQUAL(nth(ax, ART_ANNOTATE, 2)->text, "1");
    CU_ASSERT_EQUAL(count(ax, ART_ANNOTATE), 4);
    /* bad input */
    CU_ASSERT_EQUAL(nplot_bar_label(ax, .fmt = "%s"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "fmt '%s'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar_label(ax), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "no bars"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nplot_bar_xy(ax, ((double[]){ 0 }), ((double[]){ 1 }), 1);
    CU_ASSERT_EQUAL(nplot_bar_label(ax, .container = 2), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "has 1 bar containers, asked for number 2"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nplot_bar_xy(ax, ((double[]){ 0 }), ((double[]){ 1 }), 1);
    CU_ASSERT_EQUAL(nplot_bar_label(ax, .label_type = "middle"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'edge' or 'center'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, ((double[]){ 0, 1 }), ((double[]){ 1, 2 }), 2, .yerr = NPLOT_F64S(1, 2, 3)),
                    ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'yerr' has 3 values"));
    nplot_figure_free(fig);
}

static void test_bar_log_and_asymmetric_errors(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, ((double[]){ 0, 1, 2, 3 }), ((double[]){ 5, 50, 500, 5000 }), 4, .log = true),
                    ND_OK);
    CU_ASSERT_EQUAL(ax->ya.scale, SCALE_LOG);
    double lo, hi, want[2] = { 0, 0 };
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(fixture_values(FIX, "log_bar_ylim", want, 2), 2);
    ND_ASSERT_CLOSE(lo, want[0], 1e-9);
    ND_ASSERT_CLOSE(hi, want[1], 1e-9);
    nplot_figure_free(fig);
    /* barh xerr as (2, N): lower then upper */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_barh_xy(ax, ((double[]){ 0, 1 }), ((double[]){ 4, 6 }), 2,
                                  .xerr = NPLOT_F64S(1, 2, 0.5, 3), .ecolor = "red"), ND_OK);
    artist *eb = nth(ax, ART_SEGMENTS, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(eb);
    CU_ASSERT_DOUBLE_EQUAL(eb->x[0], 3, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(eb->x[1], 4.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(eb->x[2], 4, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(eb->x[3], 9, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(eb->lp.color.r, 1, 1e-12);
    nplot_bar_label(ax);
    CU_ASSERT_DOUBLE_EQUAL(nth(ax, ART_ANNOTATE, 1)->x[0], 9, 1e-12);
    nplot_figure_free(fig);
}

/* ---- pie --------------------------------------------------------------------------------------- */
static void test_pie_autopct_rounds_as_matplotlib(void)
{
    double sizes[9] = { 0.15, 0.3, 1.1, 2.5, 0.7, 0.3, 0.1, 0.35, 2.5 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL_FATAL(nplot_pie_xy(ax, sizes, 9, .autopct = "%1.1f%%"), ND_OK);
    char *want[9];
    double pos[18] = { 0 };
    CU_ASSERT_EQUAL_FATAL(fixture_texts("pie_half_texts", want, 9), 9);
    CU_ASSERT_EQUAL(fixture_values(FIX, "pie_half_pos", pos, 18), 18);
    for (int i = 0; i < 9; i++) {
        artist *t = nth(ax, ART_TEXT, i);
        CU_ASSERT_STRING_EQUAL(t->text, want[i]);
        CU_ASSERT_DOUBLE_EQUAL(t->x[0], pos[2 * i], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(t->y[0], pos[2 * i + 1], 1e-12);
    }
    /* matplotlib works in float32 (np.asarray(x, np.float32)): the double fraction of a
     * plain sum rounds this exact-looking half the other way */
    double seq = 0;
    for (int i = 0; i < 9; i++) seq += sizes[i];
    char buf[32];
    snprintf(buf, sizeof buf, "%1.1f%%", 100 * sizes[3] / seq);
    CU_ASSERT_STRING_EQUAL(buf, "31.3%");
    CU_ASSERT_STRING_EQUAL(want[3], "31.2%");
    free_texts(want, 9);
    nplot_figure_free(fig);
}

static void test_pie_donut_and_text(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[3] = { 1, 2, 3 };
    CU_ASSERT_EQUAL(nplot_pie_xy(ax, x, 3, .wedge_width = 0.3, .labels = NPLOT_STRS("a", "b", "c"),
                                 .labeldistance = NAN, .autopct = "%.0f%%",
                                 .textprops = { .color = "red", .fontsize = 14 }, .counterclock = NPLOT_OFF,
                                 .startangle = 90),
                    ND_OK);
    CU_ASSERT_EQUAL(count(ax, ART_PATCHES), 3);
    /* labeldistance None: legend labels only, no label texts; the 3 percentages in red */
    CU_ASSERT_EQUAL(count(ax, ART_TEXT), 3);
    CU_ASSERT_STRING_EQUAL(nth(ax, ART_PATCHES, 2)->label, "c");
    for (int i = 0; i < 3; i++) {
        artist *t = nth(ax, ART_TEXT, i);
        CU_ASSERT_DOUBLE_EQUAL(t->ts.color.r, 1, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(t->ts.size, 14, 1e-12);
    }
    /* every wedge vertex on the ring between 0.7 and 1 */
    for (int w = 0; w < 3; w++) {
        artist *a = nth(ax, ART_PATCHES, w);
        for (size_t i = 0; i < a->n; i++) {
            double r = hypot(a->x[i], a->y[i]);
            CU_ASSERT(r > 0.7 - 1e-9 && r < 1 + 1e-9);
        }
    }
    /* clockwise from 12 o'clock: the first wedge (1/6) spans 90° down to 30°, its
     * percentage at 60° */
    artist *t0 = nth(ax, ART_TEXT, 0);
    CU_ASSERT_DOUBLE_EQUAL(atan2(t0->y[0], t0->x[0]), M_PI / 3, 1e-6); /* float32 fractions */
    CU_ASSERT_STRING_EQUAL(t0->text, "17%");
    /* the donut's hole shows the axes face */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0, 0), 0xffffff, 2));
    CU_ASSERT(!near_rgb(at_data(&m, ax, 0.85 * cos(1), 0.85 * sin(1)), 0xffffff, 30));
    free(m.px);
    CU_ASSERT_EQUAL(nplot_pie_xy(ax, x, 3, .wedge_width = -1), ND_EVALUE);
    nplot_figure_free(fig);
    /* the pie is computed in float32, as matplotlib's: a size or a sum beyond it is an error
     * (found by fuzz_nplot: inf / inf fractions) */
    const double big[2][2] = { { 9.2e57, 1 }, { 3e38, 3e38 } };
    for (int k = 0; k < 2; k++) {
        fig = nplot_figure_new();
        ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_pie_xy(ax, big[k], 2), ND_EVALUE);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "float32"));
        nplot_figure_free(fig);
    }
}

/* ---- string categories --------------------------------------------------------------------------- */
static void test_categories(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    static const char *const days[4] = { "mon", "tue", "wed", "thu" };
    static const char *const more[2] = { "tue", "fri" };
    CU_ASSERT_EQUAL(nplot_plot_cat(ax, days, ((double[]){ 3, 1, 4, 1.5 }), 4, .fmt = "ko-"), ND_OK);
    CU_ASSERT_EQUAL(nplot_scatter_cat(ax, more, ((double[]){ 2, 3.5 }), 2), ND_OK);
    artist *l = nth(ax, ART_LINE, 0), *s = nth(ax, ART_SCATTER, 0);
    for (int i = 0; i < 4; i++) CU_ASSERT_DOUBLE_EQUAL(l->x[i], i, 0);
    CU_ASSERT_DOUBLE_EQUAL(s->x[0], 1, 0); /* "tue" already seen */
    CU_ASSERT_DOUBLE_EQUAL(s->x[1], 4, 0); /* "fri" new: next position */
    CU_ASSERT_EQUAL(l->lp.marker, MK_CIRCLE);
    /* y categories, and both at once on another axes */
    nplot_axes *ax2 = nplot_subplot(fig, 2, 2, 4);
    static const char *const lv[3] = { "low", "mid", "high" };
    CU_ASSERT_EQUAL(nplot_plot_caty(ax2, ((double[]){ 0, 1, 2 }), lv, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_scatter_caty(ax2, ((double[]){ 1 }), ((const char *const[]){ "top" }), 1), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot_cats(ax2, ((const char *const[]){ "p", "q" }), ((const char *const[]){ "mid", "top" }),
                                    2), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nth(ax2, ART_SCATTER, 0)->y[0], 3, 0);
    artist *both = nth(ax2, ART_LINE, 1);
    CU_ASSERT_DOUBLE_EQUAL(both->x[1], 1, 0);
    CU_ASSERT_DOUBLE_EQUAL(both->y[1], 3, 0);
    /* after drawing: ticks at 0..4 labelled in first-seen order */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    free(m.px);
    double t[8];
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 8), 5);
    static const char *const want[5] = { "mon", "tue", "wed", "thu", "fri" };
    for (int i = 0; i < 5; i++) {
        CU_ASSERT_DOUBLE_EQUAL(t[i], i, 0);
        CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, i), want[i]);
    }
    CU_ASSERT_EQUAL(nplot_get_yticks(ax2, t, 8), 4);
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(ax2, 3), "top");
    /* bad input */
    CU_ASSERT_EQUAL(nplot_plot_cat(ax, NULL, ((double[]){ 1 }), 1), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "x category labels are NULL"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_cat(ax, ((const char *const[]){ "a", NULL }), ((double[]){ 1, 2 }), 2), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "category label is NULL"));
    nplot_figure_free(fig);
}

/* ---- golden image -------------------------------------------------------------------------------- */
static void test_golden_bars_hatches(void)
{
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, tmpdir, "bars_hatches");
    char *argv[] = { "bars_hatches", regen ? GOLDEN : tmpdir, NULL };
    CU_ASSERT_EQUAL_FATAL(bars_hatches_example(2, argv), 0);
    if (!regen) {
        double rms = image_rms(GOLDEN "/bars_hatches.png", out);
        if (!(rms >= 0 && rms <= 4.0)) fprintf(stderr, "golden bars_hatches: RMS %g\n", rms);
        CU_ASSERT(rms >= 0 && rms <= 4.0);
    }
}

/* ---- allocation failures ----------------------------------------------------------------------- */
static nd_status fault_body(void *ctx)
{
    (void)ctx;
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 40);
    nd_status st = fig ? ND_OK : ND_ENOMEM;
    unsigned char *rgba = NULL;
    double cols[60];
    for (int i = 0; i < 20; i++)
        for (int d = 0; d < 3; d++) cols[i * 3 + d] = data[d][i];
    nd_array *X = nd_from_buffer(cols, 2, (const ptrdiff_t[]){ 20, 3 }, ND_FLOAT64);
    if (!st && !X) st = ND_ENOMEM;
    if (!st) {
        nplot_axes *a = nplot_subplot(fig, 2, 2, 1), *b = nplot_subplot(fig, 2, 2, 2);
        nplot_axes *c = nplot_subplot(fig, 2, 2, 3), *d = nplot_subplot(fig, 2, 2, 4);
        nplot_hist(a, X, .bins = 4, .hatch = "/", .labels = NPLOT_STRS("a", "b", "c"));
        nplot_hist_sets_xy(a, dp, dn, 2, .histtype = "step", .stacked = true);
        nplot_legend(a);
        double x[3] = { 0, 1, 2 }, h[3] = { 1, -2, 3 };
        nplot_bar_xy(b, x, h, 3, .yerr = NPLOT_F64S(0.1, 0.2, 0.3), .hatch = "xo", .label = "bars");
        nplot_bar_label(b, .fmt = "{:.1f}", .padding = 2);
        nplot_bar_label(b, .label_type = "center");
        nplot_pie_xy(c, x + 1, 2, .wedge_width = 0.3, .hatch = "*", .autopct = "%1.0f%%",
                     .labels = NPLOT_STRS("p", "q"));
        static const char *const names[3] = { "u", "v", "w" };
        nplot_plot_cat(d, names, h, 3, .fmt = "o-");
        nplot_scatter_caty(d, x, names, 3);
        st = nplot_figure_status(fig);
        int wd, ht;
        if (!st) st = nplot_figure_pixel_size(fig, &wd, &ht);
        if (!st && !(rgba = malloc((size_t)wd * ht * 4))) st = ND_ENOMEM;
        if (!st) st = nplot_figure_render_rgba(fig, rgba, wd, ht, wd * 4);
        if (st) nd_set_error(st, "%s", nplot_figure_errmsg(fig)[0] ? nplot_figure_errmsg(fig) : nd_errmsg());
    } else {
        nd_set_error(ND_ENOMEM, "fault_body: setup");
    }
    free(rgba);
    nplot_figure_free(fig);
    nd_free(X);
    return st;
}

static void test_allocation_failures(void)
{
    faultsim_report r = faultsim_run("bars_more", fault_body, NULL);
    CU_ASSERT(r.ok);
    if (!r.ok) printf("\n%s\n", r.why);
    CU_ASSERT(r.runs > 20);
}

static const ND_TEST tests[] = {
    ND_T(test_hatch_parse),
    ND_T(test_hatch_patterns_match_matplotlib),
    ND_T(test_hist_sets_match_matplotlib),
    ND_T(test_hatch_linewidth),
    ND_T(test_hatch_on_every_patch),
    ND_T(test_hist_side_by_side),
    ND_T(test_hist_stacked),
    ND_T(test_hist_step_stacked),
    ND_T(test_hist_log_and_bad_input),
    ND_T(test_bar_label_matches_matplotlib),
    ND_T(test_bar_label_formats),
    ND_T(test_bar_log_and_asymmetric_errors),
    ND_T(test_pie_autopct_rounds_as_matplotlib),
    ND_T(test_pie_donut_and_text),
    ND_T(test_categories),
    ND_T(test_golden_bars_hatches),
    ND_T(test_allocation_failures),
    { 0 },
};

ND_TEST_MAIN_TMPDIR_INIT("plot_bars_more", tests, tmpdir, "plot-bars", fill_data)
