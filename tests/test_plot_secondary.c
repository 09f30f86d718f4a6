/* Secondary axes (ax.secondary_xaxis / secondary_yaxis) against matplotlib 3.6: limits,
 * tick positions, labels, pixel positions and the spine's place for the gallery's deg/rad
 * and frequency/period examples, a decreasing function, a y axis at 1.2 and an x axis at
 * 0.3 with the constant-scale shorthand, x² over a linear axis (numbers printed by
 * scripts/mpl_secondary_axis_reference.py, pasted below); bad input; then the singular
 * limits set_xlim(a, a) on linear and log axes and non-positive log limits (widened or
 * ignored with a warning, as matplotlib); axis label rotation boxes; the golden of
 * examples/plot_secondary_axis.c next to matplotlib's rendering. */
#define SECONDARY_NO_MAIN
#include "../examples/plot_secondary_axis.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"

typedef struct sec_case {
    const char *name;
    double plim[2], slim[2];
    int n;
    double ticks[12];
    const char *labels[12];
    double pix[12];
    int nminor;
    double spine;
} sec_case;

/* scripts/mpl_secondary_axis_reference.py */
static const sec_case cases[] = {
    { "deg",
    .plim = { -17.95, 376.95 }, .slim = { -0.31328660073298215, 6.5790186153926244 },
    .n = 7, .ticks = { 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 },
    .labels = { "0", "1", "2", "3", "4", "5", "6" },
    .pix = { 102.545, 174.510, 246.474, 318.438, 390.403, 462.367, 534.331 },
    .nminor = 0, .spine = 57.600,
    },
    { "per",
    .plim = { 0.01646342507986089, 1.1905177631582855 }, .slim = { 0.8399706673398412, 60.74070220195333 },
    .n = 2, .ticks = { 1.0, 10.0 },
    .labels = { "$\\mathdefault{10^{0}}$", "$\\mathdefault{10^{1}}$" },
    .pix = { 555.795, 289.016 },
    .nminor = 14, .spine = 57.600,
    },
    { "neg",
    .plim = { -0.5, 10.5 }, .slim = { -21.0, 1.0 },
    .n = 9, .ticks = { -20.0, -17.5, -15.0, -12.5, -10.0, -7.5, -5.0, -2.5, 0.0 },
    .labels = { "\u221220.0", "\u221217.5", "\u221215.0", "\u221212.5", "\u221210.0", "\u22127.5", "\u22125.0", "\u22122.5", "0.0" },
    .pix = { 553.455, 497.091, 440.727, 384.364, 328.000, 271.636, 215.273, 158.909, 102.545 },
    .nminor = 0, .spine = 57.600,
    },
    { "yfar",
    .plim = { -12.5, 42.5 }, .slim = { 9.5, 108.5 },
    .n = 5, .ticks = { 20.0, 40.0, 60.0, 80.0, 100.0 },
    .labels = { "20", "40", "60", "80", "100" },
    .pix = { 388.000, 313.333, 238.667, 164.000, 89.333 },
    .nminor = 0, .spine = 675.200,
    },
    { "xlow",
    .plim = { -0.05, 1.05 }, .slim = { -5.0, 105.0 },
    .n = 6, .ticks = { 0.0, 20.0, 40.0, 60.0, 80.0, 100.0 },
    .labels = { "0", "20", "40", "60", "80", "100" },
    .pix = { 102.545, 192.727, 282.909, 373.091, 463.273, 553.455 },
    .nminor = 0, .spine = 316.320,
    },
    { "sq",
    .plim = { 0.55, 10.45 }, .slim = { 0.30250000000000005, 109.20249999999999 },
    .n = 5, .ticks = { 20.0, 40.0, 60.0, 80.0, 100.0 },
    .labels = { "20", "40", "60", "80", "100" },
    .pix = { 276.503, 369.311, 440.525, 500.562, 553.455 },
    .nminor = 0, .spine = 57.600,
    },
};

static double neg2(double x, void *c) { (void)c; return -2 * x; }
static double neg_half(double x, void *c) { (void)c; return -x / 2; }
static double square(double x, void *c) { (void)c; return x * x; }
static double root(double x, void *c) { (void)c; return sqrt(x); }
static double c2f(double c, void *u) { (void)u; return 1.8 * c + 32; }
static double f2c(double f, void *u) { (void)u; return (f - 32) / 1.8; }

/* the case's figure (6.4 x 4.8 in at 100 dpi, plt.subplots()) and its secondary axes */
static nplot_axes *build(const char *name, nplot_figure **figp, nplot_axes **parent)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_axes *sec = NULL;
    *figp = fig;
    *parent = ax;
    if (!strcmp(name, "deg")) {
        double x[360], y[360];
        for (int i = 0; i < 360; i++) x[i] = i, y[i] = sin(2 * i * PI / 180);
        nplot_plot_xy(ax, x, y, 360);
        sec = nplot_secondary_xaxis(ax, .location = "top", .forward = deg2rad, .inverse = rad2deg);
    } else if (!strcmp(name, "per")) {
        double f[49], p[49];
        for (int i = 0; i < 49; i++) f[i] = 0.02 * (i + 1), p[i] = f[i] * f[i] + 0.01;
        nplot_plot_xy(ax, f, p, 49);
        nplot_set_xscale(ax, "log");
        nplot_set_yscale(ax, "log");
        sec = nplot_secondary_xaxis(ax, .forward = one_over, .inverse = one_over);
    } else if (!strcmp(name, "neg")) {
        static const double px[] = { 0, 10 }, py[] = { 0, 1 };
        nplot_plot_xy(ax, px, py, 2);
        sec = nplot_secondary_xaxis(ax, .forward = neg2, .inverse = neg_half);
    } else if (!strcmp(name, "yfar")) {
        static const double px[] = { 0, 30 }, py[] = { -10, 40 };
        nplot_plot_xy(ax, px, py, 2);
        sec = nplot_secondary_yaxis(ax, .at = 1.2, .forward = c2f, .inverse = f2c);
    } else if (!strcmp(name, "sq")) {
        static const double px[] = { 1, 10 }, py[] = { 0, 1 };
        nplot_plot_xy(ax, px, py, 2);
        sec = nplot_secondary_xaxis(ax, .forward = square, .inverse = root);
    } else if (!strcmp(name, "xlow")) {
        static const double px[] = { 0, 1 };
        nplot_plot_xy(ax, px, px, 2);
        sec = nplot_secondary_xaxis(ax, .at = 0.3, .scale = 100);
    }
    return sec;
}

static void test_secondary_matches_matplotlib(void)
{
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const sec_case *c = &cases[k];
        bool x = strcmp(c->name, "yfar") != 0;
        nplot_figure *fig;
        nplot_axes *ax;
        nplot_axes *sec = build(c->name, &fig, &ax);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sec);
        CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(fig), ND_OK);
        double lo, hi;
        (x ? nplot_get_xlim : nplot_get_ylim)(ax, &lo, &hi);
        CU_ASSERT_DOUBLE_EQUAL(lo, c->plim[0], 1e-9 * fabs(c->plim[1] - c->plim[0]));
        CU_ASSERT_DOUBLE_EQUAL(hi, c->plim[1], 1e-9 * fabs(c->plim[1] - c->plim[0]));
        (x ? nplot_get_xlim : nplot_get_ylim)(sec, &lo, &hi);
        CU_ASSERT_DOUBLE_EQUAL(lo, c->slim[0], 1e-9 * fabs(c->slim[1] - c->slim[0]));
        CU_ASSERT_DOUBLE_EQUAL(hi, c->slim[1], 1e-9 * fabs(c->slim[1] - c->slim[0]));
        double t[64];
        int n = (x ? nplot_get_xticks : nplot_get_yticks)(sec, t, 64);
        CU_ASSERT_EQUAL(n, c->n);
        if (n != c->n) fprintf(stderr, "%s: %d ticks, matplotlib %d\n", c->name, n, c->n);
        for (int i = 0; i < n && i < c->n; i++) {
            CU_ASSERT_DOUBLE_EQUAL(t[i], c->ticks[i], 1e-9 * fmax(1, fabs(c->ticks[i])));
            const char *l = (x ? nplot_get_xticklabel : nplot_get_yticklabel)(sec, i);
            CU_ASSERT_STRING_EQUAL(l ? l : "(null)", c->labels[i]);
            double px, py;
            nplot_data_to_pixel(sec, x ? t[i] : 0, x ? 0 : t[i], &px, &py);
            /* matplotlib's axes box is not snapped to whole pixels: within one pixel */
            CU_ASSERT_DOUBLE_EQUAL(x ? px : py, c->pix[i], 1.0);
        }
        /* the secondary value v sits where the parent's inverse(v) is */
        double x0, y0, x1, y1;
        nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
        double want = x ? y0 + (y1 - y0) * (1 - (strcmp(c->name, "xlow") ? 1 : 0.3))
                        : x0 + (x1 - x0) * 1.2;
        CU_ASSERT_DOUBLE_EQUAL(want, c->spine, 1.0);
        nplot_figure_free(fig);
    }
}

/* the spine and tick marks are drawn where matplotlib puts them: the y axis at 1.2 of the
 * width, ticks outward (right), the x axis at 0.3 with its ticks below */
static bool dark(const unsigned char *p) { return p[0] < 120 && p[1] < 120 && p[2] < 120; }

static void test_secondary_spine_and_ticks_drawn(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.6, 0.8);
    static const double px_[] = { 0, 30 }, py_[] = { -10, 40 };
    nplot_plot_xy(ax, px_, py_, 2);
    nplot_axes *sec = nplot_secondary_yaxis(ax, .at = 1.2, .forward = c2f, .inverse = f2c);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1, px, py;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double sx = x0 + 1.2 * (x1 - x0);
    CU_ASSERT(dark(at(&m, sx, (y0 + y1) / 2 + 3)));   /* the spine */
    nplot_data_to_pixel(sec, 0, 60, &px, &py);
    CU_ASSERT(dark(at(&m, sx + 2.5, py)));            /* a tick, outward */
    CU_ASSERT(!dark(at(&m, sx - 2.5, py)));
    CU_ASSERT(!dark(at(&m, sx, y0 - 3)));             /* the spine stops at the box */
    CU_ASSERT(!dark(at(&m, x0 + 1.1 * (x1 - x0), (y0 + y1) / 2))); /* nothing between */
    free(m.px);
    nplot_figure_free(fig);
    sec = build("xlow", &fig, &ax);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double sy = y1 - 0.3 * (y1 - y0);
    nplot_data_to_pixel(sec, 40, 0, &px, &py);
    CU_ASSERT(dark(at(&m, px, sy + 2.5)));            /* tick below the spine */
    CU_ASSERT(!dark(at(&m, px, sy - 2.5)));
    CU_ASSERT(dark(at(&m, px + 20, sy)));
    free(m.px);
    nplot_figure_free(fig);
}

/* the period axis over the log-log parent has matplotlib's minor ticks (LogLocator with
 * subs 'auto'): count the tick marks crossing the row just above the top spine */
static void test_secondary_log_minor_ticks(void)
{
    const sec_case *c = &cases[1];
    CU_ASSERT_STRING_EQUAL_FATAL(c->name, "per");
    nplot_figure *fig;
    nplot_axes *ax;
    build("per", &fig, &ax);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    int runs = 0;
    bool in = false;
    for (int x = (int)x0 - 1; x <= (int)x1 + 1; x++) {
        const unsigned char *p = at(&m, x, y0 - 2);
        bool d = p[0] < 200 && p[1] < 200 && p[2] < 200;
        if (d && !in) runs++;
        in = d;
    }
    CU_ASSERT_EQUAL(runs, c->n + c->nminor);
    if (runs != c->n + c->nminor) fprintf(stderr, "per: %d tick marks, matplotlib %d\n", runs, c->n + c->nminor);
    free(m.px);
    nplot_figure_free(fig);
}

/* the title moves above a top secondary axis and its label, as matplotlib's */
static void test_secondary_pushes_title_up(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.15, 0.1, 0.7, 0.6);
    nplot_set_title(ax, "T");
    img m0 = render(fig);
    nplot_axes *sec = nplot_secondary_xaxis(ax, .scale = 2);
    nplot_set_xlabel(sec, "second");
    img m1 = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m0.px);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m1.px);
    /* the lowest row with the title's ink, over the centre column band */
    int rows[2] = { -1, -1 };
    for (int k = 0; k < 2; k++) {
        img *m = k ? &m1 : &m0;
        for (int y = 0; y < 88 && rows[k] < 0; y++)
            for (int xx = 190; xx < 210; xx++)
                if (dark(m->px + 4 * ((size_t)y * m->w + xx))) rows[k] = y;
    }
    CU_ASSERT(rows[0] > 0 && rows[1] >= 0 && rows[1] < rows[0]);
    free(m0.px);
    free(m1.px);
    nplot_figure_free(fig);
}

static void test_secondary_color_and_fixed_ticks(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.15, 0.15, 0.7, 0.7);
    static const double px[] = { 0, 10 }, py[] = { 0, 1 };
    nplot_plot_xy(ax, px, py, 2);
    nplot_axes *sec = nplot_secondary_xaxis(ax, .scale = 3, .color = "red");
    CU_ASSERT_PTR_NOT_NULL_FATAL(sec);
    static const double fixed[] = { 0, 15, 30 };
    CU_ASSERT_EQUAL(nplot_set_xticks(sec, fixed, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double t[8];
    CU_ASSERT_EQUAL(nplot_get_xticks(sec, t, 8), 3);
    CU_ASSERT_DOUBLE_EQUAL(t[1], 15, 1e-12);
    double px5, px15, qy;
    nplot_data_to_pixel(ax, 5, 0, &px5, &qy);
    nplot_data_to_pixel(sec, 15, 0, &px15, &qy);
    CU_ASSERT_DOUBLE_EQUAL(px5, px15, 1e-9);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    const unsigned char *p = at(&m, px15, y0 - 2.5); /* the tick above the top spine: red */
    CU_ASSERT(p[0] > 200 && p[1] < 80 && p[2] < 80);
    free(m.px);
    nplot_figure_free(fig);
}

typedef struct { int n; char last[512]; } seen;
static void record(const char *msg, unsigned bits, void *ctx)
{
    (void)bits;
    seen *s = ctx;
    s->n++;
    snprintf(s->last, sizeof s->last, "%s", msg);
}

static double bad_inf(double x, void *c) { (void)c; return x > 0.5 ? INFINITY : x; }
static double ident(double x, void *c) { (void)c; return x; }
static double constant(double x, void *c) { (void)c; (void)x; return 3; }

static nplot_axes *fresh(nplot_figure **fig)
{
    *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 50);
    return nplot_subplot(*fig, 1, 1, 1);
}

/* fig is read after the call that fills it (argument order is unspecified) */
static void expect_fail(nplot_figure **fig, nplot_axes *sec, const char *msg)
{
    CU_ASSERT_PTR_NULL(sec);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), msg));
    if (!strstr(nd_errmsg(), msg)) fprintf(stderr, "got: %s\n", nd_errmsg());
    nplot_figure_free(*fig);
}

static void test_secondary_bad_input(void)
{
    seen s = { 0, "" };
    nd_seterrcall(record, &s); /* each failure is also said on the warning channel */
    nplot_figure *fig = NULL;
    CU_ASSERT_PTR_NULL(nplot_secondary_xaxis(NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    expect_fail(&fig, nplot_secondary_xaxis(fresh(&fig), .location = "left"),
                "location must be 'top', 'bottom', or a float (.at), not 'left'");
    expect_fail(&fig, nplot_secondary_yaxis(fresh(&fig), .location = "top"),
                "location must be 'right', 'left', or a float (.at), not 'top'");
    expect_fail(&fig, nplot_secondary_xaxis(fresh(&fig), .location = "top", .at = 0.5),
                "give .location or .at, not both");
    expect_fail(&fig, nplot_secondary_xaxis(fresh(&fig), .at = NAN), ".at must be finite");
    expect_fail(&fig, nplot_secondary_xaxis(fresh(&fig), .forward = ident),
                ".forward and .inverse go together");
    expect_fail(&fig, nplot_secondary_xaxis(fresh(&fig), .forward = ident, .inverse = ident, .scale = 2),
                "give .forward/.inverse or .scale, not both");
    expect_fail(&fig, nplot_secondary_xaxis(fresh(&fig), .scale = INFINITY),
                ".scale must be finite and nonzero");
    expect_fail(&fig, nplot_secondary_xaxis(fresh(&fig), .scale = NPLOT_ZERO),
                ".scale must be finite and nonzero");
    expect_fail(&fig, nplot_secondary_xaxis(fresh(&fig), .color = "nocolor"), "nocolor");
    nplot_axes *ax = fresh(&fig);
    nplot_axes *sec = nplot_secondary_xaxis(ax);
    expect_fail(&fig, nplot_secondary_xaxis(sec), "itself a secondary axis");
    ax = fresh(&fig);
    nplot_set_projection(ax, "polar");
    expect_fail(&fig, nplot_secondary_yaxis(ax), "(this one is polar)");
    /* a forward that maps the limits to inf or to one value fails the figure when drawn */
    ax = fresh(&fig);
    CU_ASSERT_PTR_NOT_NULL(nplot_secondary_xaxis(ax, .forward = bad_inf, .inverse = ident));
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "the secondary axis limits must be finite"));
    nplot_figure_free(fig);
    ax = fresh(&fig);
    CU_ASSERT_PTR_NOT_NULL(nplot_secondary_yaxis(ax, .forward = constant, .inverse = ident));
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "strictly monotonic"));
    nplot_figure_free(fig);
    CU_ASSERT(s.n >= 13);
    nd_seterrcall(NULL, NULL);
}

static const double data_x[] = { 1, 100 }, data_y[] = { 1, 2 };

/* ---- singular limits ------------------------------------------------------------------ */

/* set_xlim(a, a) after plot([1, 100], [1, 2]): scripts/mpl_secondary_axis_reference.py */
static const struct { const char *scale; double a, lo, hi; } singular[] = {
    { "linear", 0.0, -0.05, 0.05 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "linear", 1.0, 0.95, 1.05 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "linear", -5.0, -5.25, -4.75 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "linear", 2.0, 1.9, 2.1 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "linear", 5.0, 4.75, 5.25 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "linear", 0.001, 0.00095, 0.00105 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "linear", 100.0, 95.0, 105.0 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "log", 0.0, 0.7943282347242815, 125.89254117941675 }, /* ['Attempt to set non-positive xlim on a log-scaled axis will be ignored.', 'Attempt to set non-positive xlim on a log-scaled axis will be ignored.'] */
    { "log", 1.0, 0.1, 10.0 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "log", -5.0, 0.7943282347242815, 125.89254117941675 }, /* ['Attempt to set non-positive xlim on a log-scaled axis will be ignored.', 'Attempt to set non-positive xlim on a log-scaled axis will be ignored.'] */
    { "log", 2.0, 1.0, 10.0 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "log", 5.0, 1.0, 10.0 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "log", 0.001, 0.0001, 0.01 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
    { "log", 100.0, 10.0, 1000.0 }, /* ['Attempting to set identical low and high xlims makes transformation singular; automatically expanding.'] */
};

/* A 4x3 in figure at 50 dpi with data_x / data_y plotted on an axes of x scale `scale`, the
 * warnings recorded in *s. */
static nplot_axes *xscale_case(seen *s, nplot_figure **fig, const char *scale)
{
    nd_seterrcall(record, s);
    *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 50);
    nplot_axes *ax = nplot_subplot(*fig, 1, 1, 1);
    nplot_plot_xy(ax, data_x, data_y, 2);
    nplot_set_xscale(ax, scale);
    return ax;
}

static void test_singular_limits_widen_as_matplotlib(void)
{
    for (size_t k = 0; k < sizeof singular / sizeof singular[0]; k++) {
        seen s = { 0, "" };
        nplot_figure *fig = NULL;
        nplot_axes *ax = xscale_case(&s, &fig, singular[k].scale);
        CU_ASSERT_EQUAL(nplot_set_xlim(ax, singular[k].a, singular[k].a), ND_OK);
        bool ignored = !strcmp(singular[k].scale, "log") && singular[k].a <= 0;
        CU_ASSERT_EQUAL(s.n, ignored ? 2 : 1);
        CU_ASSERT_PTR_NOT_NULL(strstr(s.last, ignored ? "non-positive xlim on a log-scaled axis"
                                                      : "identical low and high xlims"));
        double lo, hi;
        CU_ASSERT_EQUAL(nplot_get_xlim(ax, &lo, &hi), ND_OK);
        CU_ASSERT_DOUBLE_EQUAL(lo, singular[k].lo, 1e-12 * fabs(singular[k].lo));
        CU_ASSERT_DOUBLE_EQUAL(hi, singular[k].hi, 1e-12 * fabs(singular[k].hi));
        if (fabs(lo - singular[k].lo) > 1e-12 * fabs(singular[k].lo) ||
            fabs(hi - singular[k].hi) > 1e-12 * fabs(singular[k].hi))
            fprintf(stderr, "%s %g: %.17g %.17g\n", singular[k].scale, singular[k].a, lo, hi);
        CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
        CU_ASSERT(nplot_get_xticks(ax, NULL, 0) >= 1);
        nplot_figure_free(fig);
        nd_seterrcall(NULL, NULL);
    }
}

/* non-positive limits on a log axis: ignored with a warning, that side keeping the view */
static const struct { double lo, hi, vlo, vhi; } log_ignored[] = {
    { 0, 10, 0.7943282347242815, 10.0 }, /* ['Attempt to set non-positive xlim on a log-scaled axis will be ignored.'] */
    { -5, 50, 0.7943282347242815, 50.0 }, /* ['Attempt to set non-positive xlim on a log-scaled axis will be ignored.'] */
    { 3, -1, 3.0, 125.89254117941675 }, /* ['Attempt to set non-positive xlim on a log-scaled axis will be ignored.'] */
    { 0, 0, 0.7943282347242815, 125.89254117941675 }, /* ['Attempt to set non-positive xlim on a log-scaled axis will be ignored.', 'Attempt to set non-positive xlim on a log-scaled axis will be ignored.'] */
    { -5, -5, 0.7943282347242815, 125.89254117941675 }, /* ['Attempt to set non-positive xlim on a log-scaled axis will be ignored.', 'Attempt to set non-positive xlim on a log-scaled axis will be ignored.'] */
};

static void test_log_nonpositive_limits_ignored(void)
{
    for (size_t k = 0; k < sizeof log_ignored / sizeof log_ignored[0]; k++) {
        seen s = { 0, "" };
        nplot_figure *fig = NULL;
        nplot_axes *ax = xscale_case(&s, &fig, "log");
        CU_ASSERT_EQUAL(nplot_set_xlim(ax, log_ignored[k].lo, log_ignored[k].hi), ND_OK);
        CU_ASSERT(s.n >= 1);
        CU_ASSERT_PTR_NOT_NULL(strstr(s.last, "non-positive xlim on a log-scaled axis will be ignored"));
        double lo, hi;
        nplot_get_xlim(ax, &lo, &hi);
        CU_ASSERT_DOUBLE_EQUAL(lo, log_ignored[k].vlo, 1e-12 * log_ignored[k].vlo);
        CU_ASSERT_DOUBLE_EQUAL(hi, log_ignored[k].vhi, 1e-12 * log_ignored[k].vhi);
        CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
        CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
        nplot_figure_free(fig);
        nd_seterrcall(NULL, NULL);
    }
}

/* ---- rotated axis labels ------------------------------------------------------------------ */
/* The ink box of the dark pixels in columns x0..x1-1, rows y0..y1-1. */
static void ink(const img *m, int x0, int y0, int x1, int y1, int box[4])
{
    box[0] = box[1] = 1 << 20;
    box[2] = box[3] = -1;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            const unsigned char *p = m->px + 4 * ((size_t)y * m->w + x);
            if (p[0] < 128 || p[1] < 128 || p[2] < 128 ? (p[0] + p[1] + p[2]) / 3 < 128 : false) {
                if (x < box[0]) box[0] = x;
                if (y < box[1]) box[1] = y;
                if (x + 1 > box[2]) box[2] = x + 1;
                if (y + 1 > box[3]) box[3] = y + 1;
            }
        }
}

/* matplotlib's rotation() figure in scripts/mpl_secondary_axis_reference.py: a left ylabel at
 * -90 (labelpad 20) reads downward and sits right of its anchor, an xlabel at 30 below the
 * axes, a right ylabel at -90 with va 'bottom' beside its axes; ink boxes from matplotlib */
static void test_rotated_axis_labels_as_matplotlib(void)
{
    static const int want[3][4] = {
        { 99, 212, 110, 270 },  /* ylabel */
        { 267, 395, 308, 427 }, /* xlabel */
        { 555, 207, 569, 276 }, /* right */
    };
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.2, 0.2, 0.5, 0.6);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    nplot_tick_params(ax, .labelleft = NPLOT_OFF, .labelbottom = NPLOT_OFF);
    nplot_set_ylabel(ax, "left label", .rotation = -90, .pad = 20);
    nplot_set_xlabel(ax, "x label", .rotation = 30);
    nplot_axes *r = nplot_add_axes(fig, 0.8, 0.2, 0.05, 0.6);
    nplot_set_xticks(r, NULL, 0);
    nplot_tick_params(r, .axis = "y", .left = NPLOT_OFF, .right = NPLOT_ON, .labelleft = NPLOT_OFF);
    nplot_set_ylabel(r, "right label", .rotation = -90, .va = "bottom");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    static const int win[3][4] = { { 0, 96, 120, 384 }, { 0, 392, 640, 480 }, { 552, 96, 640, 384 } };
    for (int k = 0; k < 3; k++) {
        int b[4];
        ink(&m, win[k][0], win[k][1], win[k][2], win[k][3], b);
        /* fonts rasterize differently: the box within 3 pixels of matplotlib's */
        for (int i = 0; i < 4; i++) CU_ASSERT(abs(b[i] - want[k][i]) <= 3);
        if (abs(b[0] - want[k][0]) > 3 || abs(b[1] - want[k][1]) > 3 || abs(b[2] - want[k][2]) > 3 ||
            abs(b[3] - want[k][3]) > 3)
            fprintf(stderr, "label %d: ink %d %d %d %d, matplotlib %d %d %d %d\n", k, b[0], b[1],
                    b[2], b[3], want[k][0], want[k][1], want[k][2], want[k][3]);
    }
    free(m.px);
    nplot_figure_free(fig);
}

/* ---- golden ------------------------------------------------------------------------------ */
static void test_golden_secondary(void)
{
    nplot_figure *fig = secondary_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[1024];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "secondary_axis");
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/secondary_axis.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden secondary_axis: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
}

static const ND_TEST tests[] = {
    ND_T(test_secondary_matches_matplotlib),
    ND_T(test_secondary_spine_and_ticks_drawn),
    ND_T(test_secondary_log_minor_ticks),
    ND_T(test_secondary_pushes_title_up),
    ND_T(test_secondary_color_and_fixed_ticks),
    ND_T(test_secondary_bad_input),
    ND_T(test_singular_limits_widen_as_matplotlib),
    ND_T(test_log_nonpositive_limits_ignored),
    ND_T(test_rotated_axis_labels_as_matplotlib),
    ND_T(test_golden_secondary),
    { 0 },
};

ND_TEST_MAIN("plot_secondary", tests)
