/* Path effects (matplotlib.patheffects), Artist.set_sketch_params and plt.xkcd: the pixels
 * they produce on a 200 x 200 px figure (dpi 100: 1 point = 100/72 px), checked against the
 * widths and offsets matplotlib 3.6 draws (scripts/mpl_effects_reference.py measures them on
 * matplotlib's Agg rendering of the same figures: tests/data/plot/effects_expected.h). */
#define PLOT_EFFECTS_NO_MAIN
#include "../examples/plot_effects.c"

#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"
#include "data/plot/effects_expected.h"

/* A bare 200 x 200 px axes over [0, 10]^2 with a red horizontal line at y = 5 from x0 to x1. */
static nplot_figure *one_line(nplot_axes **ax, double x0, double x1, double lw)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    *ax = bare_axes(fig, 0, 10, 0, 10);
    double x[2] = { x0, x1 }, y[2] = { 5, 5 };
    nplot_plot_xy(*ax, x, y, 2, .color = "red", .linewidth = lw);
    return fig;
}

static bool is_red(const unsigned char *p) { return p[0] > 200 && p[1] < 90 && p[2] < 90; }
static bool is_dark(const unsigned char *p) { return p[0] < 90 && p[1] < 90 && p[2] < 90; }

/* withStroke(linewidth=8, foreground='k') on a 2 pt red line: a black halo of (8 - 2) pt
 * around the red core, matplotlib's counts. */
static void test_with_stroke_widths(void)
{
    nplot_axes *ax;
    nplot_figure *fig = one_line(&ax, 0, 10, 2);
    nplot_path_effect fx[] = { { .kind = NPLOT_PE_WITH_STROKE, .linewidth = 8, .foreground = "k" } };
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(nplot_get_artist(ax, 0), fx, 1), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double px, py;
    nplot_data_to_pixel(ax, 5, 5, &px, &py);
    double halo = 0, core = 0;
    for (int y = 12; y < m.h - 12; y++) {
        const unsigned char *p = at(&m, px, y);
        halo += (255 - p[1]) / 255.0;
        core += (p[0] > p[1] ? p[0] - p[1] : 0) / 255.0;
    }
    fprintf(stderr, "withStroke: halo %.2f px, core %.2f px (matplotlib %.2f %.2f)\n", halo, core,
            MPL_STROKE_HALO_PX, MPL_STROKE_CORE_PX);
    CU_ASSERT(fabs(halo - MPL_STROKE_HALO_PX) <= 0.3);
    CU_ASSERT(fabs(core - MPL_STROKE_CORE_PX) <= 0.3);
    /* the halo is centred on the line: as many dark rows above as below */
    CU_ASSERT(is_dark(at(&m, px, py - 4)) && is_dark(at(&m, px, py + 4)));
    CU_ASSERT(!is_dark(at(&m, px, py - 8)) && !is_dark(at(&m, px, py + 8)));
    free(m.px);
    /* Stroke alone: the line itself is not drawn (PathEffectRenderer draws only the effects) */
    fx[0].kind = NPLOT_PE_STROKE;
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(nplot_get_artist(ax, 0), fx, 1), ND_OK);
    m = render(fig);
    CU_ASSERT(is_dark(at(&m, px, py)));
    free(m.px);
    nplot_figure_free(fig);
}

/* SimpleLineShadow(offset=(0, -10)) alone: a black stroke at alpha 0.3 (RGB 179 on white)
 * 10 pt = 13.9 px below where the line would be, and no line. */
static void test_line_shadow_offset_alpha(void)
{
    nplot_axes *ax;
    nplot_figure *fig = one_line(&ax, 0, 10, 4);
    nplot_path_effect fx[] = { { .kind = NPLOT_PE_SIMPLE_LINE_SHADOW, .offset = { 0, -10 } } };
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(nplot_get_artist(ax, 0), fx, 1), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double px, py;
    nplot_data_to_pixel(ax, 5, 5, &px, &py);
    double sum = 0, wsum = 0;
    int grey = 255;
    for (int y = 0; y < m.h; y++) {
        int d = 255 - at(&m, px, y)[0];
        if (d > 10 && y > 11 && y < m.h - 12) sum += d * (y + 0.5), wsum += d;
        if (at(&m, px, y)[0] < grey && y > 11 && y < m.h - 12) grey = at(&m, px, y)[0];
    }
    double centre = sum / wsum;
    fprintf(stderr, "line shadow: centre %.2f px below the line, darkest %d (matplotlib %.2f %d)\n",
            centre - py, grey, MPL_SHADOW_DY, MPL_SHADOW_GREY);
    CU_ASSERT(fabs(centre - py - MPL_SHADOW_DY) <= 0.75);
    CU_ASSERT(abs(grey - MPL_SHADOW_GREY) <= 4);
    CU_ASSERT(near(at(&m, px, py), 255, 255, 255, 2));
    free(m.px);
    /* withSimplePatchShadow: the line drawn over its (empty for a 2-point line) shadow */
    fx[0].kind = NPLOT_PE_WITH_SIMPLE_LINE_SHADOW;
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(nplot_get_artist(ax, 0), fx, 1), ND_OK);
    m = render(fig);
    CU_ASSERT(is_red(at(&m, px, py)));
    CU_ASSERT(abs(at(&m, px, py + MPL_SHADOW_DY)[0] - MPL_SHADOW_GREY) <= 6);
    free(m.px);
    nplot_figure_free(fig);
}

/* TickedStroke(spacing=10, angle=90, length=1) on a line over x in [1, 9] (144 px): ceil(144 /
 * 13.89) - 1 = 10 ticks, 13.9 px long, on the left of the walker (above the line). */
static void test_ticked_stroke(void)
{
    nplot_axes *ax;
    nplot_figure *fig = one_line(&ax, 1, 9, 1);
    nplot_path_effect fx[] = { { .kind = NPLOT_PE_WITH_TICKED_STROKE, .spacing = 10, .angle = 90,
                                 .length = 1 } };
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(nplot_get_artist(ax, 0), fx, 1), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double px, py;
    nplot_data_to_pixel(ax, 5, 5, &px, &py);
    int above = 0, below = 0;
    for (int dy = 0; dy < 2; dy++) {
        int runs = 0, runs_below = 0;
        bool in = false, in_b = false;
        for (int x = 0; x < m.w; x++) {
            bool r = is_red(at(&m, x, py - 7 - dy)), rb = is_red(at(&m, x, py + 7 + dy));
            runs += r && !in;
            runs_below += rb && !in_b;
            in = r, in_b = rb;
        }
        above = runs > above ? runs : above;
        below += runs_below;
    }
    fprintf(stderr, "ticked: %d ticks above, %d below (matplotlib %d)\n", above, below, MPL_TICKS);
    CU_ASSERT_EQUAL(above, MPL_TICKS);
    CU_ASSERT_EQUAL(below, 0);
    CU_ASSERT(!is_red(at(&m, px, py - 16)));
    free(m.px);
    nplot_figure_free(fig);
}

/* The darkest row of column x (the line's centre there). */
static double centre_of(const img *m, int x)
{
    double s = 0, w = 0;
    for (int y = 12; y < m->h - 12; y++) {
        int d = 255 - at(m, x, y)[1];
        if (d > 40) s += d * (y + 0.5), w += d;
    }
    return w > 0 ? s / w : NAN;
}

/* set_sketch_params(3, 100, 2): the straight line wanders about 3 px either side, the same
 * way every time. */
static void test_sketch(void)
{
    nplot_axes *ax;
    nplot_figure *fig = one_line(&ax, 0, 10, 1);
    nplot_artist *l = nplot_get_artist(ax, 0);
    img m0 = render(fig);
    CU_ASSERT_EQUAL(nplot_artist_set_sketch_params(l, 3, 100, 2), ND_OK);
    img m = render(fig), m2 = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m0.px);
    CU_ASSERT_EQUAL(memcmp(m.px, m2.px, (size_t)m.w * m.h * 4), 0);
    double px, py, dmax = 0, dsum = 0;
    nplot_data_to_pixel(ax, 5, 5, &px, &py);
    int n = 0;
    for (int x = 15; x < m.w - 15; x++) {
        double c = centre_of(&m, x), c0 = centre_of(&m0, x);
        if (isnan(c) || isnan(c0)) continue;
        dmax = fmax(dmax, fabs(c - c0));
        dsum += fabs(c - c0);
        n++;
    }
    fprintf(stderr, "sketch: max displacement %.2f px, mean %.2f px over %d columns (matplotlib "
            "%.2f %.2f)\n", dmax, dsum / n, n, MPL_SKETCH_MAX_PX, MPL_SKETCH_MEAN_PX);
    CU_ASSERT(n > 150);
    CU_ASSERT(fabs(dmax - MPL_SKETCH_MAX_PX) <= 0.3);
    CU_ASSERT(fabs(dsum / n - MPL_SKETCH_MEAN_PX) <= 0.2);
    /* scale 0 removes it */
    CU_ASSERT_EQUAL(nplot_artist_set_sketch_params(l, 0, 0, 0), ND_OK);
    free(m.px);
    m = render(fig);
    CU_ASSERT_EQUAL(memcmp(m.px, m0.px, (size_t)m.w * m.h * 4), 0);
    free(m.px);
    free(m2.px);
    free(m0.px);
    nplot_figure_free(fig);
}

/* plt.xkcd() sets matplotlib's rc values; rc_context undoes them; lines of figures created
 * inside are sketched and stroked with white. */
static void test_xkcd_rc(void)
{
    CU_ASSERT_EQUAL(nplot_rc_context_push(), ND_OK);
    CU_ASSERT_EQUAL(nplot_xkcd(0, 0, 0), ND_OK);
    char buf[256];
    double v;
    bool b;
    CU_ASSERT_EQUAL(nplot_rc_get("path.sketch", buf, sizeof buf), ND_OK);
    CU_ASSERT_STRING_EQUAL(buf, "1, 100, 2");
    CU_ASSERT_EQUAL(nplot_rc_get("path.effects", buf, sizeof buf), ND_OK);
    CU_ASSERT_STRING_EQUAL(buf, "[withStroke(linewidth=4, foreground='w')]");
    CU_ASSERT_EQUAL(nplot_rc_get("font.family", buf, sizeof buf), ND_OK);
    CU_ASSERT_STRING_EQUAL(buf, "xkcd, xkcd Script, Humor Sans, Comic Neue, Comic Sans MS");
    const char *nums[] = { "font.size", "axes.linewidth", "lines.linewidth", "grid.linewidth",
                           "xtick.major.size", "xtick.major.width", "ytick.major.size",
                           "ytick.major.width" };
    const double want[] = { 14, 1.5, 2, 0, 8, 3, 8, 3 };
    for (int i = 0; i < 8; i++) {
        CU_ASSERT_EQUAL(nplot_rc_get_float(nums[i], &v), ND_OK);
        CU_ASSERT_DOUBLE_EQUAL(v, want[i], 1e-12);
    }
    CU_ASSERT_EQUAL(nplot_rc_get_bool("axes.grid", &b), ND_OK);
    CU_ASSERT_FALSE(b);
    CU_ASSERT_EQUAL(nplot_rc_get_bool("axes.unicode_minus", &b), ND_OK);
    CU_ASSERT_FALSE(b);
    /* a figure made now: its line gets the white stroke (4 pt) and the sketch */
    nplot_axes *ax;
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    ax = bare_axes(fig, 0, 10, 0, 10);
    nplot_set_facecolor(ax, "black");
    double x[2] = { 0, 10 }, y[2] = { 5, 5 };
    nplot_plot_xy(ax, x, y, 2, .color = "red");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int white = 0, rows_hit = 0;
    for (int xx = 20; xx < 180; xx++) {
        bool w = false;
        for (int yy = 20; yy < 180; yy++) w |= at(&m, xx, yy)[1] > 120;
        white += w;
        rows_hit += is_red(at(&m, xx, 100));
    }
    CU_ASSERT(white > 150);         /* the halo all along */
    CU_ASSERT(rows_hit < 160);      /* sketched: the line leaves the row y = 5 in places */
    free(m.px);
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_rc_context_pop(), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_get("path.sketch", buf, sizeof buf), ND_OK);
    CU_ASSERT_STRING_EQUAL(buf, "None");
    CU_ASSERT_EQUAL(nplot_rc_get_float("font.size", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 10, 1e-12);
}

static void test_bad_input(void)
{
    nplot_axes *ax;
    nplot_figure *fig = one_line(&ax, 0, 10, 1);
    nplot_artist *l = nplot_get_artist(ax, 0);
    nplot_path_effect bad[] = { { .kind = NPLOT_PE_STROKE, .alpha = 2 } };
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(l, bad, 1), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_artist_set_path_effects"));
    nplot_figure_free(fig);
    fig = one_line(&ax, 0, 10, 1);
    l = nplot_get_artist(ax, 0);
    bad[0] = (nplot_path_effect){ .kind = 99 };
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(l, bad, 1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = one_line(&ax, 0, 10, 1);
    l = nplot_get_artist(ax, 0);
    bad[0] = (nplot_path_effect){ .kind = NPLOT_PE_STROKE, .foreground = "notacolour" };
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(l, bad, 1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = one_line(&ax, 0, 10, 1);
    l = nplot_get_artist(ax, 0);
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(l, NULL, 3), ND_EVALUE);
    nplot_figure_free(fig);
    fig = one_line(&ax, 0, 10, 1);
    l = nplot_get_artist(ax, 0);
    CU_ASSERT_EQUAL(nplot_artist_set_sketch_params(l, -1, 10, 2), ND_EVALUE);
    nplot_figure_free(fig);
    fig = one_line(&ax, 0, 10, 1);
    l = nplot_get_artist(ax, 0);
    CU_ASSERT_EQUAL(nplot_artist_set_sketch_params(NULL, 1, 10, 2), ND_EVALUE);
    double xs[2] = { 1, 2 };
    nplot_scatter_xy(ax, xs, xs, 2);
    CU_ASSERT_EQUAL(nplot_artist_set_sketch_params(nplot_get_artist(ax, -1), 1, 1, 1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = one_line(&ax, 0, 10, 1);
    l = nplot_get_artist(ax, 0);
    CU_ASSERT_EQUAL(nplot_xkcd(NAN, 1, 1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("path.sketch", "1, 2"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("path.sketch", "1, 2, 3)"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("path.sketch", "(1, 2, 3)"), ND_OK);
    nplot_rc_defaults();
    CU_ASSERT_EQUAL(nplot_rc_set("path.effects", "[Shadow()]"), ND_EVALUE);
    nplot_figure_free(fig);
}

/* examples/plot_effects.c next to matplotlib's rendering of the same calls (reviewed: the
 * same shadow, ticks, halo and wiggles; the spines sketched as matplotlib's). */
static void test_golden_effects(void)
{
    nplot_axes *ax;
    nplot_figure *fig = effects_figure(&ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    /* structure: the gold bar's black 8 pt halo, 8 - 3 pt = 6.9 px of black around gold */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double px, py;
    nplot_data_to_pixel(ax, 5, 1, &px, &py);
    CU_ASSERT(near(at(&m, px, py), 255, 215, 0, 40));
    CU_ASSERT(is_dark(at(&m, px, py - 4)) && is_dark(at(&m, px, py + 4)));
    free(m.px);
    char out[1024];
    bool regen = golden_output(out, sizeof out, NUMC_TEST_DATA "/plot", ".", "plot_effects");
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(NUMC_TEST_DATA "/plot/plot_effects.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden plot_effects: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
}

static const ND_TEST tests[] = {
    ND_T(test_with_stroke_widths), ND_T(test_line_shadow_offset_alpha), ND_T(test_ticked_stroke),
    ND_T(test_sketch), ND_T(test_xkcd_rc), ND_T(test_bad_input), ND_T(test_golden_effects), { 0 },
};
ND_TEST_MAIN("plot_effects", tests)
