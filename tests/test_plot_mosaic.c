/* subplot_mosaic (string, multi-line and nested-list layouts), sharing with any axes
 * (nplot_sharex / nplot_add_subplot .sharex), nested GridSpec and supxlabel / supylabel:
 * positions, limits, ticks and hidden tick labels against matplotlib 3.6 (the numbers of
 * scripts/mpl_mosaic_reference.py in tests/data/mosaic/reference.txt); bad input; the golden
 * of examples/mosaic.c (scripts/mpl_mosaic_reference.py --draw draws the same figure). */
#define MOSAIC_NO_MAIN
#include "../examples/mosaic.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define REF NUMC_TEST_DATA "/mosaic/reference.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"

/* The values of the reference line "case label key v..." into out; their count, or -1. */
static int ref(const char *cas, const char *label, const char *key, double *out, int cap)
{
    char name[200];
    snprintf(name, sizeof name, "%s %s %s", cas, label, key);
    return test_ref_values(REF, name, out, cap);
}

static void check_pos(const char *cas, const char *label, nplot_axes *ax)
{
    double want[4], got[4];
    CU_ASSERT_EQUAL_FATAL(ref(cas, label, "pos", want, 4), 4);
    CU_ASSERT_EQUAL_FATAL(nplot_axes_get_position(ax, got), ND_OK);
    for (int i = 0; i < 4; i++) {
        if (fabs(got[i] - want[i]) > 1e-9)
            fprintf(stderr, "%s %s pos[%d]: %.12g, matplotlib %.12g\n", cas, label, i, got[i],
                    want[i]);
        CU_ASSERT_DOUBLE_EQUAL(got[i], want[i], 1e-9);
    }
}

/* the "xt" / "yt" line: count then ticks */
static void check_ticks(const char *cas, const char *label, nplot_axes *ax)
{
    for (int x = 0; x < 2; x++) {
        double want[32], got[32];
        int nw = ref(cas, label, x ? "xt" : "yt", want, 32);
        CU_ASSERT_FATAL(nw >= 1);
        int n = x ? nplot_get_xticks(ax, got, 32) : nplot_get_yticks(ax, got, 32);
        CU_ASSERT_EQUAL(n, (int)want[0]);
        if (n != (int)want[0]) {
            fprintf(stderr, "%s %s %s: %d ticks, matplotlib %d\n", cas, label, x ? "x" : "y", n,
                    (int)want[0]);
            continue;
        }
        for (int i = 0; i < n; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], want[1 + i], 1e-9);
    }
    double lim[4], want[4];
    CU_ASSERT_EQUAL_FATAL(ref(cas, label, "lim", want, 4), 4);
    CU_ASSERT_EQUAL(nplot_get_xlim(ax, &lim[0], &lim[1]), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_ylim(ax, &lim[2], &lim[3]), ND_OK);
    for (int i = 0; i < 4; i++) CU_ASSERT_DOUBLE_EQUAL(lim[i], want[i], 1e-9);
}

/* Are there dark (text) pixels in the band [y0, y1) x [x0, x1) of the image? */
static bool ink(const img *m, int x0, int x1, int y0, int y1)
{
    for (int y = y0 < 0 ? 0 : y0; y < y1 && y < m->h; y++)
        for (int x = x0 < 0 ? 0 : x0; x < x1 && x < m->w; x++) {
            const unsigned char *p = m->px + ((size_t)y * (size_t)m->w + (size_t)x) * 4;
            if (p[0] < 120 && p[1] < 120 && p[2] < 120) return true;
        }
    return false;
}

/* matplotlib's xl / yl flags against the ink where the bottom (left) tick labels go */
static void check_labels_shown(const char *cas, const char *label, nplot_axes *ax, const img *m)
{
    double xl, yl, x0, y0, x1, y1;
    CU_ASSERT_EQUAL_FATAL(ref(cas, label, "xl", &xl, 1), 1);
    CU_ASSERT_EQUAL_FATAL(ref(cas, label, "yl", &yl, 1), 1);
    CU_ASSERT_EQUAL_FATAL(nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1), ND_OK);
    /* tick labels start 3.5 pt (ticks) + 3.5 pt (pad) from the spine: below the ticks */
    bool xs = ink(m, (int)x0 + 2, (int)x1 - 2, (int)y1 + 7, (int)y1 + 14);
    bool ys = ink(m, (int)x0 - 22, (int)x0 - 8, (int)y0 + 2, (int)y1 - 2);
    CU_ASSERT_EQUAL(xs, xl != 0);
    CU_ASSERT_EQUAL(ys, yl != 0);
    if (xs != (xl != 0) || ys != (yl != 0))
        fprintf(stderr, "%s %s: x labels %d (matplotlib %g), y labels %d (matplotlib %g)\n", cas,
                label, xs, xl, ys, yl);
}

static void test_string_layout_positions(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_mosaic *m = nplot_subplot_mosaic(fig, "AAB;CCB");
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(nplot_mosaic_count(m), 3);
    /* creation order: by upper-left cell, row-major */
    CU_ASSERT_STRING_EQUAL(nplot_mosaic_label(m, 0), "A");
    CU_ASSERT_STRING_EQUAL(nplot_mosaic_label(m, 1), "B");
    CU_ASSERT_STRING_EQUAL(nplot_mosaic_label(m, 2), "C");
    CU_ASSERT_PTR_EQUAL(nplot_mosaic_axes(m, 1), nplot_mosaic_get(m, "B"));
    const char *l[3] = { "A", "B", "C" };
    for (int i = 0; i < 3; i++) check_pos("basic", l[i], nplot_mosaic_get(m, l[i]));
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
    /* another empty sentinel: "X" cells stay empty, '.' is a label */
    fig = nplot_figure_new();
    m = nplot_subplot_mosaic(fig, "AX;.X", .empty = "X");
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(nplot_mosaic_count(m), 2);
    CU_ASSERT_STRING_EQUAL(nplot_mosaic_label(m, 1), ".");
    CU_ASSERT_PTR_NULL(nplot_mosaic_label(m, 2));
    CU_ASSERT_PTR_NULL(nplot_mosaic_axes(m, -1));
    nplot_figure_free(fig);
}

static nplot_mosaic *share_mosaic(nplot_figure *fig)
{
    static const double ax_[2] = { 0, 3 }, ay[2] = { 0, 1 }, bx[2] = { 1, 7 }, by[2] = { -2, 0.5 };
    static const double cx[2] = { -1, 2 }, cy[2] = { 0, 4 }, dx[2] = { 0, 1 }, dy[2] = { 0, 1 };
    /* the multi-line form: indentation removed as inspect.cleandoc, '.' an empty cell */
    nplot_mosaic *m = nplot_subplot_mosaic(fig, "\n    AB.\n    CCD\n    ",
                                           .width_ratios = NPLOT_F64S(1, 2, 1.5),
                                           .height_ratios = NPLOT_F64S(2, 1), .sharex = true,
                                           .sharey = true);
    if (!m) return NULL;
    nplot_plot_xy(nplot_mosaic_get(m, "A"), ax_, ay, 2);
    nplot_plot_xy(nplot_mosaic_get(m, "B"), bx, by, 2);
    nplot_plot_xy(nplot_mosaic_get(m, "C"), cx, cy, 2);
    nplot_plot_xy(nplot_mosaic_get(m, "D"), dx, dy, 2);
    return m;
}

static void test_multiline_ratios_sharing(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 5, .dpi = 80);
    nplot_mosaic *m = share_mosaic(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(nplot_mosaic_count(m), 4);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    img im = render(fig);
    const char *l[4] = { "A", "B", "C", "D" };
    for (int i = 0; i < 4; i++) {
        nplot_axes *ax = nplot_mosaic_get(m, l[i]);
        check_pos("share", l[i], ax);
        /* one view over every member's data; the ticks of A (the first), sized by A's width */
        check_ticks("share", l[i], ax);
        check_labels_shown("share", l[i], ax, &im);
    }
    free(im.px);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_nested_list_layout(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_mosaic *m = nplot_subplot_mosaic(fig, "[['A', [['B', 'C'], ['E', 'E']]], [D, D,]]",
                                           .wspace = 0.3, .hspace = 0.4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(nplot_mosaic_count(m), 5);
    /* matplotlib's dict order: A, then the nested B, C, E, then D */
    const char *order[5] = { "A", "B", "C", "E", "D" };
    for (int i = 0; i < 5; i++) {
        CU_ASSERT_STRING_EQUAL(nplot_mosaic_label(m, i), order[i]);
        check_pos("nested", order[i], nplot_mosaic_axes(m, i));
    }
    nplot_figure_free(fig);
}

static void test_nested_list_sharing(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_mosaic *m = nplot_subplot_mosaic(fig, "[[A, [[B], [C]]], [D, E]]", .sharex = true,
                                           .sharey = true);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    for (int i = 0; i < nplot_mosaic_count(m); i++) {
        double x[2] = { 0, i + 1 }, y[2] = { 0, 2 * i + 1 };
        nplot_plot_xy(nplot_mosaic_axes(m, i), x, y, 2);
    }
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    img im = render(fig);
    /* label_outer per grid: B (top of the nested grid) loses its x labels, while B and C
     * keep their y labels (first column of their own grid) although A is left of them */
    const char *l[5] = { "A", "B", "C", "D", "E" };
    for (int i = 0; i < 5; i++) {
        nplot_axes *ax = nplot_mosaic_get(m, l[i]);
        check_pos("nestshare", l[i], ax);
        check_ticks("nestshare", l[i], ax);
        check_labels_shown("nestshare", l[i], ax, &im);
    }
    free(im.px);
    nplot_figure_free(fig);
}

static void test_add_subplot_and_sharex(void)
{
    static const double ax_[2] = { 0, 10 }, ay[2] = { 0, 1 }, bx[2] = { 0, 1 }, by[2] = { -3, 0.5 };
    static const double cx[2] = { -5, 2 }, cy[2] = { 0, 100 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *a = nplot_add_subplot(fig, 2, 2, 1);
    nplot_axes *b = nplot_add_subplot(fig, 2, 2, 2, .sharey = a);
    nplot_axes *c = nplot_add_subplot(fig, 2, 1, 2);
    CU_ASSERT_EQUAL(nplot_sharex(c, a), ND_OK);
    /* again with the same axes, or from the other side of the group: no change */
    CU_ASSERT_EQUAL(nplot_sharex(c, a), ND_OK);
    CU_ASSERT_EQUAL(nplot_sharex(a, c), ND_OK);
    nplot_plot_xy(a, ax_, ay, 2);
    nplot_plot_xy(b, bx, by, 2);
    nplot_plot_xy(c, cx, cy, 2);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    img im = render(fig);
    nplot_axes *axs[3] = { a, b, c };
    const char *l[3] = { "a", "b", "c" };
    for (int i = 0; i < 3; i++) {
        check_pos("addshare", l[i], axs[i]);
        check_ticks("addshare", l[i], axs[i]);
        check_labels_shown("addshare", l[i], axs[i], &im); /* nothing hidden */
    }
    free(im.px);
    /* limits set on any member apply to the group */
    CU_ASSERT_EQUAL(nplot_set_xlim(c, 1, 4), ND_OK);
    double lo, hi;
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_xlim(a, &lo, &hi), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(lo, 1, 0);
    CU_ASSERT_DOUBLE_EQUAL(hi, 4, 0);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_member_ticks_shared(void)
{
    static const double x[2] = { 0, 1 };
    static const double t[3] = { 0, 0.3, 0.9 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *a = nplot_add_subplot(fig, 1, 2, 1);
    nplot_axes *b = nplot_add_subplot(fig, 1, 2, 2, .sharex = a);
    nplot_plot_xy(a, x, x, 2);
    CU_ASSERT_EQUAL(nplot_set_xticks(b, t, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    check_ticks("memberticks", "a", a);
    check_ticks("memberticks", "b", b);
    nplot_figure_free(fig);
}

static void test_nested_gridspec(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 7, .height = 4);
    nplot_gridspec *gs = nplot_gridspec_new(fig, 1, 2, .width_ratios = NPLOT_F64S(2, 1),
                                            .wspace = 0.3);
    nplot_gridspec *sub = nplot_gridspec_subgridspec(gs, "0, 0", 2, 3, .wspace = 0.05,
                                                     .hspace = 0.5,
                                                     .height_ratios = NPLOT_F64S(1, 2));
    CU_ASSERT_PTR_NOT_NULL_FATAL(sub);
    check_pos("gsnest", "s00", nplot_gridspec_subplot(sub, "0, 0"));
    check_pos("gsnest", "s01", nplot_gridspec_subplot(sub, "0, 1:"));
    check_pos("gsnest", "s1", nplot_gridspec_add_subplot(sub, "1, :"));
    check_pos("gsnest", "r", nplot_gridspec_subplot(gs, "0, 1"));
    nplot_gridspec *sub2 = nplot_gridspec_subgridspec(gs, "0, 1", 2, 1);
    check_pos("gsnest", "r0", nplot_gridspec_subplot(sub2, "0"));
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

/* the ink of the figure's suplabels against matplotlib's window extents */
static void test_suplabels_placed(void)
{
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_supxlabel(fig, "first"), ND_OK);
    CU_ASSERT_EQUAL(nplot_supxlabel(fig, "Time [s]"), ND_OK); /* replaces */
    CU_ASSERT_EQUAL(nplot_supylabel(fig, "Amplitude"), ND_OK);
    img im = render(fig);
    double ex[4], ey[4];
    CU_ASSERT_EQUAL_FATAL(ref("tightsup", "supx", "ext", ex, 4), 4);
    CU_ASSERT_EQUAL_FATAL(ref("tightsup", "supy", "ext", ey, 4), 4);
    /* extents are (x0, y0 from the bottom, w, h); ink lies inside them, give or take 1 px */
    int H = im.h;
    CU_ASSERT(ink(&im, (int)ex[0] + 1, (int)(ex[0] + ex[2]) - 1, H - (int)(ex[1] + ex[3]), H - (int)ex[1]));
    CU_ASSERT(!ink(&im, 0, (int)ex[0] - 1, H - 40, H));
    CU_ASSERT(!ink(&im, (int)(ex[0] + ex[2]) + 2, im.w, H - 40, H));
    CU_ASSERT(!ink(&im, 0, im.w, H - (int)ex[1] + 1, H));
    CU_ASSERT(ink(&im, (int)ey[0], (int)(ey[0] + ey[2]), H - (int)(ey[1] + ey[3]) + 1, H - (int)ey[1] - 1));
    CU_ASSERT(!ink(&im, 0, (int)ey[0] - 1, 0, H - 40));
    CU_ASSERT(!ink(&im, 0, 60, 0, H - (int)(ey[1] + ey[3]) - 2));
    CU_ASSERT(!ink(&im, 0, 60, H - (int)ey[1] + 2, H - 40));
    free(im.px);
    nplot_figure_free(fig);
}

/* tight_layout gives each suplabel its extent and a pad, as matplotlib */
static void test_suplabels_tight(void)
{
    double with[2], without[2];
    for (int k = 0; k < 2; k++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *axs[4];
        CU_ASSERT_EQUAL(nplot_subplots(fig, 2, 2, axs), ND_OK);
        if (k) {
            nplot_supxlabel(fig, "Time [s]");
            nplot_supylabel(fig, "Amplitude");
        }
        nplot_tight_layout(fig);
        double p0[4], p2[4];
        CU_ASSERT_EQUAL(nplot_axes_get_position(axs[0], p0), ND_OK);
        CU_ASSERT_EQUAL(nplot_axes_get_position(axs[2], p2), ND_OK);
        (k ? with : without)[0] = p0[0];
        (k ? with : without)[1] = p2[1];
        nplot_figure_free(fig);
    }
    double m0[4], m1[4];
    CU_ASSERT_EQUAL_FATAL(ref("tight", "fig", "pars", m0, 4), 4);
    CU_ASSERT_EQUAL_FATAL(ref("tightsup", "fig", "pars", m1, 4), 4);
    /* matplotlib: +30 px on the left and at the bottom (15 px of text, 15 px of pad); Agg's
     * hinted metrics give the 12 pt "lp" height as 15 whole pixels where the outlines
     * measure 16.1: a pixel and a bit of slack */
    CU_ASSERT_DOUBLE_EQUAL(with[0] - without[0], m1[0] - m0[0], 1.5 / 640);
    CU_ASSERT_DOUBLE_EQUAL(with[1] - without[1], m1[1] - m0[1], 1.5 / 480);
}

/* tight_layout over subplots of different grids (2x1 above 2x2) puts them on one grid of
 * the most rows and columns, as matplotlib's get_tight_layout_figure; grids that do not
 * divide it leave the layout alone with matplotlib's warning */
static int warnings_seen;
static void count_warning(const char *msg, unsigned fpe_bits, void *ud)
{
    (void)fpe_bits, (void)ud;
    warnings_seen += strstr(msg, "tight_layout not applied") != NULL;
}

static void test_tight_mixed_grids(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 9, .height = 6, .dpi = 100);
    nplot_axes *axs[3] = { nplot_subplot(fig, 2, 1, 1), nplot_subplot(fig, 2, 2, 3), nplot_subplot(fig, 2, 2, 4) };
    static const char *const names[3] = { "top", "b", "r" };
    double x[3] = { 0, 1e6, 2e6 }, y[3] = { 1, 2, 3 };
    for (int i = 0; i < 3; i++) {
        nplot_plot_xy(axs[i], x, y, 3);
        nplot_set_title(axs[i], names[i]);
    }
    CU_ASSERT_EQUAL(nplot_tight_layout(fig), ND_OK);
    for (int i = 0; i < 3; i++) {
        double got[4], want[4];
        CU_ASSERT_EQUAL_FATAL(ref("tightmixed", names[i], "pos", want, 4), 4);
        CU_ASSERT_EQUAL(nplot_axes_get_position(axs[i], got), ND_OK);
        /* within 1 px across; 4 px down the rows: numc's title and offset-text boxes are a
         * few pixels taller than Agg's (the gap between the rows) */
        CU_ASSERT_DOUBLE_EQUAL(got[0], want[0], 1.0 / 900);
        CU_ASSERT_DOUBLE_EQUAL(got[2], want[2], 1.0 / 900);
        CU_ASSERT_DOUBLE_EQUAL(got[1], want[1], 4.0 / 600);
        CU_ASSERT_DOUBLE_EQUAL(got[3], want[3], 4.0 / 600);
    }
    nplot_figure_free(fig);

    /* 2 rows and 3 rows: not multiples of one another */
    fig = nplot_figure_new();
    nplot_axes *a = nplot_subplot(fig, 2, 1, 1), *b = nplot_subplot(fig, 3, 1, 3);
    double before[4], after[4];
    CU_ASSERT_EQUAL(nplot_axes_get_position(a, before), ND_OK);
    nd_seterrcall(count_warning, NULL);
    warnings_seen = 0;
    CU_ASSERT_EQUAL(nplot_tight_layout(fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_get_position(a, after), ND_OK);
    nd_seterrcall(NULL, NULL);
    CU_ASSERT(warnings_seen >= 1);
    CU_ASSERT_DOUBLE_EQUAL(after[0], before[0], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(after[3], before[3], 1e-12);
    (void)b;
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    static const struct { const char *layout, *msg; } bad[] = {
        { "AAB;CBB", "label 'B' specifies a non-rectangular or non-contiguous area" },
        { "ABA", "label 'A' specifies a non-rectangular or non-contiguous area" },
        { "AB;C", "all of the rows must be the same length" },
        { "", "is empty" },
        { "..;..", "has no axes" },
        { "[['A', 'B']", "expected ',' or ']'" },
        { "['A', 'B']", "must be 2D" },
        { "[['A', 'B'], ['C']]", "all of the rows must be the same length" },
        { "[['A', [['A']]]]", "duplicate labels 'A'" },
        { "[['A', 'B']] x", "trailing characters" },
        { "[['A', 'B\"]]", "unterminated string" },
        { "[[]]", "an empty list" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        nplot_figure *fig = nplot_figure_new();
        CU_ASSERT_PTR_NULL(nplot_subplot_mosaic(fig, bad[i].layout));
        CU_ASSERT_NOT_EQUAL(nplot_figure_status(fig), ND_OK);
        if (!strstr(nplot_figure_errmsg(fig), bad[i].msg))
            fprintf(stderr, "layout \"%s\": %s\n", bad[i].layout, nplot_figure_errmsg(fig));
        CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), bad[i].msg));
        nplot_figure_free(fig);
    }
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_PTR_NULL(nplot_subplot_mosaic(fig, NULL));
    nplot_figure_free(fig);
    /* a grid of 101 x 100 cells is over the limit */
    char *big = malloc(101 * 101 + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    for (int r = 0, k = 0; r < 101; r++) {
        memset(big + k, 'A', 100);
        k += 100;
        big[k++] = r < 100 ? ';' : '\0';
    }
    fig = nplot_figure_new();
    CU_ASSERT_PTR_NULL(nplot_subplot_mosaic(fig, big));
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "exceeds 10000 cells"));
    nplot_figure_free(fig);
    free(big);
    /* ratios: one per column / row of every grid (matplotlib hands them to nested ones) */
    fig = nplot_figure_new();
    CU_ASSERT_PTR_NULL(nplot_subplot_mosaic(fig, "AB", .width_ratios = NPLOT_F64S(1, 2, 3)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "'width_ratios' has 3 values"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_PTR_NULL(nplot_subplot_mosaic(fig, "AB", .height_ratios = NPLOT_F64S(-1)));
    nplot_figure_free(fig);
    /* an unknown label */
    fig = nplot_figure_new();
    nplot_mosaic *m = nplot_subplot_mosaic(fig, "AB");
    CU_ASSERT_PTR_NULL(nplot_mosaic_get(m, "Z"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "no axes labelled 'Z'"));
    nplot_figure_free(fig);
    CU_ASSERT_PTR_NULL(nplot_mosaic_get(NULL, "A"));
    CU_ASSERT_EQUAL(nplot_mosaic_count(NULL), ND_EVALUE);
    /* sharing */
    fig = nplot_figure_new();
    nplot_figure *fig2 = nplot_figure_new();
    nplot_axes *a = nplot_subplot(fig, 1, 3, 1), *b = nplot_subplot(fig, 1, 3, 2);
    nplot_axes *c = nplot_subplot(fig, 1, 3, 3), *o = nplot_subplot(fig2, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_sharex(b, a), ND_OK);
    CU_ASSERT_EQUAL(nplot_sharex(b, c), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "x-axis is already shared"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a = nplot_subplot(fig, 1, 2, 1);
    CU_ASSERT_EQUAL(nplot_sharey(a, o), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "another figure"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a = nplot_subplot(fig, 1, 2, 1);
    CU_ASSERT_EQUAL(nplot_sharey(a, NULL), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a = nplot_subplot(fig, 1, 2, 1);
    b = nplot_subplot_polar(fig, 1, 2, 2);
    CU_ASSERT_EQUAL(nplot_sharex(a, b), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "polar"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_PTR_NULL(nplot_add_subplot(fig, 2, 2, 5));
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "nplot_add_subplot: index 5"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_PTR_NULL(nplot_add_subplot(fig, 1, 1, 1, .sharex = o));
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_sharex(NULL, o), ND_EVALUE);
    nplot_figure_free(fig2);
    /* nested grids */
    fig = nplot_figure_new();
    nplot_gridspec *gs = nplot_gridspec_new(fig, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_gridspec_subgridspec(gs, "0, 5", 2, 2));
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EINDEX);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    gs = nplot_gridspec_new(fig, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_gridspec_subgridspec(gs, "0, 0", 2, 2, .left = 0.2));
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "'left' cannot be given"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    gs = nplot_gridspec_new(fig, 2, 2);
    CU_ASSERT_PTR_NULL(nplot_gridspec_subgridspec(gs, "0, 0", 0, 2));
    nplot_figure_free(fig);
    CU_ASSERT_PTR_NULL(nplot_gridspec_subgridspec(NULL, "0", 1, 1));
    /* suplabels */
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_supxlabel(fig, NULL), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_supylabel(fig, "y", .ha = "middle"), ND_EVALUE);
    nplot_figure_free(fig);
}

static void test_golden_mosaic(void)
{
    nplot_figure *fig = mosaic_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[512];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "mosaic");
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/mosaic.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden mosaic: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
}

static const ND_TEST tests[] = {
    ND_T(test_string_layout_positions),
    ND_T(test_multiline_ratios_sharing),
    ND_T(test_nested_list_layout),
    ND_T(test_nested_list_sharing),
    ND_T(test_add_subplot_and_sharex),
    ND_T(test_member_ticks_shared),
    ND_T(test_nested_gridspec),
    ND_T(test_suplabels_placed),
    ND_T(test_suplabels_tight),
    ND_T(test_tight_mixed_grids),
    ND_T(test_bad_input),
    ND_T(test_golden_mosaic),
    { 0 },
};

ND_TEST_MAIN("plot_mosaic", tests)
