/* libnumc_plot: figures, rendering, output formats, structural checks, bad input. */
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define DATA NUMC_TEST_DATA "/plot/"
#define PI 3.14159265358979323846

static nplot_figure *sincos_figure(void)
{
    double x[200], s[200], c[200];
    for (int i = 0; i < 200; i++) {
        x[i] = i * 2 * PI / 199;
        s[i] = sin(x[i]);
        c[i] = cos(x[i]);
    }
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot_xy(ax, x, s, 200, .label = "sin(x)");
    nplot_plot_xy(ax, x, c, 200, .fmt = "--", .label = "cos(x)");
    nplot_set_title(ax, "Sine and cosine $\\alpha^2$");
    nplot_set_xlabel(ax, "x [rad]");
    nplot_set_ylabel(ax, "value");
    nplot_legend(ax);
    return fig;
}

/* ---- model ------------------------------------------------------------------------------------ */
static void test_figure_defaults(void)
{
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    int w, h;
    CU_ASSERT_EQUAL(nplot_figure_pixel_size(fig, &w, &h), ND_OK);
    CU_ASSERT_EQUAL(w, 640);
    CU_ASSERT_EQUAL(h, 480);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x0, y0, x1, y1;
    CU_ASSERT_EQUAL(nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1), ND_OK);
    /* subplot params .125 .9 .11 .88 */
    ND_ASSERT_CLOSE(x0, 80, 1e-9);
    ND_ASSERT_CLOSE(x1, 576, 1e-9);
    ND_ASSERT_CLOSE(y0, 58, 1e-9);
    ND_ASSERT_CLOSE(y1, 427, 1e-9);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi); /* empty axes: 0..1 */
    ND_ASSERT_CLOSE(lo, 0, 1e-12);
    ND_ASSERT_CLOSE(hi, 1, 1e-12);
    nplot_figure_free(fig);
    nplot_figure_free(NULL);
}

static void test_autoscale_margins(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 10 }, y[2] = { -1, 3 };
    nplot_plot_xy(ax, x, y, 2);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, -0.5, 1e-12);
    ND_ASSERT_CLOSE(hi, 10.5, 1e-12);
    nplot_get_ylim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, -1.2, 1e-12);
    ND_ASSERT_CLOSE(hi, 3.2, 1e-12);
    nplot_set_xlim(ax, NAN, 20); /* keep the lower side automatic */
    nplot_get_xlim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, -0.5, 1e-12);
    ND_ASSERT_CLOSE(hi, 20, 1e-12);
    nplot_invert_yaxis(ax);
    nplot_get_ylim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, 3.2, 1e-12);
    ND_ASSERT_CLOSE(hi, -1.2, 1e-12);
    /* a single point: nonsingular expands by 5 % then margins add 5 % */
    nplot_axes *b = nplot_subplot(fig, 1, 2, 2);
    double one = 1;
    nplot_plot_xy(b, &one, &one, 1, .fmt = "o");
    nplot_get_xlim(b, &lo, &hi);
    ND_ASSERT_CLOSE(lo, 0.945, 1e-12);
    ND_ASSERT_CLOSE(hi, 1.055, 1e-12);
    nplot_figure_free(fig);
}

static void test_color_parsing(void)
{
    nplot_rgba c;
    CU_ASSERT_EQUAL(nplot_color_parse("red", &c), ND_OK);
    CU_ASSERT(c.r == 1 && c.g == 0 && c.b == 0 && c.a == 1);
    CU_ASSERT_EQUAL(nplot_color_parse("tab:orange", &c), ND_OK);
    ND_ASSERT_CLOSE(c.r * 255, 255, 1e-9);
    ND_ASSERT_CLOSE(c.g * 255, 127, 1e-9);
    CU_ASSERT_EQUAL(nplot_color_parse("C1", &c), ND_OK);
    ND_ASSERT_CLOSE(c.g * 255, 127, 1e-9);
    CU_ASSERT_EQUAL(nplot_color_parse("#336699", &c), ND_OK);
    ND_ASSERT_CLOSE(c.b * 255, 0x99, 1e-9);
    CU_ASSERT_EQUAL(nplot_color_parse("#36980080", &c), ND_OK);
    ND_ASSERT_CLOSE(c.a * 255, 0x80, 1e-9);
    CU_ASSERT_EQUAL(nplot_color_parse("0.25", &c), ND_OK);
    CU_ASSERT(c.r == 0.25 && c.g == 0.25 && c.b == 0.25);
    CU_ASSERT_EQUAL(nplot_color_parse("rebeccapurple,0.5", &c), ND_OK);
    ND_ASSERT_CLOSE(c.r * 255, 0x66, 1e-9);
    CU_ASSERT(c.a == 0.5);
    CU_ASSERT_EQUAL(nplot_color_parse("g", &c), ND_OK);
    CU_ASSERT(c.r == 0 && c.g == 0.5 && c.b == 0);
    CU_ASSERT_EQUAL(nplot_color_parse("notacolor", &c), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "notacolor") != NULL);
    CU_ASSERT_EQUAL(nplot_color_parse("#12345", &c), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_cmap_color("viridis", 0, &c), ND_OK);
    ND_ASSERT_CLOSE(c.r * 255, 68, 1e-9);
    ND_ASSERT_CLOSE(c.b * 255, 84, 1e-9);
    CU_ASSERT_EQUAL(nplot_cmap_color("viridis_r", 1, &c), ND_OK);
    ND_ASSERT_CLOSE(c.r * 255, 68, 1e-9);
    CU_ASSERT_EQUAL(nplot_cmap_color("nope", 0.5, &c), ND_EVALUE);
}

/* ---- structure ------------------------------------------------------------------------------------ */
/* A red diagonal line: its pixels lie where the data transform says, nowhere else. */
static void test_red_line_pixels_follow_data(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.8, 0.8);
    double x[2] = { 0, 1 }, y[2] = { 0, 1 };
    nplot_plot_xy(ax, x, y, 2, .color = "red", .linewidth = 2);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_yticks(ax, NULL, 0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int hits = 0, strays = 0;
    for (double t = 0.05; t < 0.95; t += 0.05) {
        double dx, dy;
        nplot_data_to_pixel(ax, t, t, &dx, &dy);
        const unsigned char *p = at(&m, dx, dy);
        if (p[0] > 200 && p[1] < 80 && p[2] < 80) hits++;
        /* 10 px below the line: background */
        const unsigned char *q = at(&m, dx, dy + 10);
        if (q[0] > 200 && q[1] < 80) strays++;
    }
    CU_ASSERT_EQUAL(hits, 18);
    CU_ASSERT_EQUAL(strays, 0);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_svg_has_one_path_per_line(void)
{
    const char *path = "plot_test_lines.svg";
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.8, 0.8);
    nplot_axis(ax, "off");
    double x[50], y[50];
    for (int i = 0; i < 50; i++) x[i] = i, y[i] = i * i;
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < 50; i++) y[i] = (k + 1) * sin(i * 0.2);
        nplot_plot_xy(ax, x, y, 50);
    }
    CU_ASSERT_EQUAL(nplot_savefig(fig, path), ND_OK);
    char *svg = read_file(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT(strstr(svg, "<svg") != NULL);
    /* one path per line (the background is a rect; axis('off') draws no furniture) */
    CU_ASSERT_EQUAL(count_substr(svg, "<path"), 3);
    free(svg);
    remove(path);
    nplot_figure_free(fig);
}

static void test_png_bytes_are_deterministic(void)
{
    nplot_figure *fig = sincos_figure();
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_det1.png"), ND_OK);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_det2.png"), ND_OK);
    size_t n1, n2;
    char *a = read_file("plot_test_det1.png", &n1), *b = read_file("plot_test_det2.png", &n2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT(n1 == n2 && memcmp(a, b, n1) == 0);
    CU_ASSERT(memcmp(a, "\x89PNG", 4) == 0);
    free(a);
    free(b);
    remove("plot_test_det1.png");
    remove("plot_test_det2.png");
    nplot_figure_free(fig);
}

static void test_pdf_and_svg_output(void)
{
    nplot_figure *fig = sincos_figure();
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_out.pdf"), ND_OK);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_out.data", .format = "svg"), ND_OK);
    size_t n;
    char *pdf = read_file("plot_test_out.pdf", &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pdf);
    CU_ASSERT(n > 1000 && memcmp(pdf, "%PDF", 4) == 0);
    char *svg = read_file("plot_test_out.data", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT(strstr(svg, "<svg") != NULL);
    free(pdf);
    free(svg);
    remove("plot_test_out.pdf");
    remove("plot_test_out.data");
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_out.bmp"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "bmp") != NULL);
    nplot_figure_free(fig);
}

/* Golden image: the sin/cos figure against the reviewed reference. */
static void test_sincos_matches_reference(void)
{
    nplot_figure *fig = sincos_figure();
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, "plot_test_sincos.png"), ND_OK);
    double rms = image_rms(DATA "sincos.png", "plot_test_sincos.png");
    CU_ASSERT(rms >= 0 && rms < 2.0);
    if (rms >= 0 && rms < 2.0) remove("plot_test_sincos.png"); /* keep it for inspection otherwise */
    else printf("\nsincos rms = %g (kept plot_test_sincos.png)\n", rms);
    nplot_figure_free(fig);
}

static void test_large_line_is_simplified_and_exact_enough(void)
{
    /* a million-point line renders like the same curve at 5000 points */
    size_t n = 1000000, m = 5000;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    double *xs = malloc(m * sizeof *xs), *ys = malloc(m * sizeof *ys);
    for (size_t i = 0; i < n; i++) x[i] = (double)i / (n - 1) * 10, y[i] = sin(x[i] * 3);
    for (size_t i = 0; i < m; i++) xs[i] = (double)i / (m - 1) * 10, ys[i] = sin(xs[i] * 3);
    nplot_figure *a = nplot_figure_new(), *b = nplot_figure_new();
    nplot_plot_xy(nplot_subplot(a, 1, 1, 1), x, y, n);
    nplot_plot_xy(nplot_subplot(b, 1, 1, 1), xs, ys, m);
    CU_ASSERT_EQUAL(nplot_savefig(a, "plot_test_big.png"), ND_OK);
    CU_ASSERT_EQUAL(nplot_savefig(b, "plot_test_small.png"), ND_OK);
    double rms = image_rms("plot_test_small.png", "plot_test_big.png");
    CU_ASSERT(rms >= 0 && rms < 3.0);
    remove("plot_test_big.png");
    remove("plot_test_small.png");
    nplot_figure_free(a);
    nplot_figure_free(b);
    free(x), free(y), free(xs), free(ys);
}

/* A long line through the simplifier's column reduction with every case around it: NaN
 * and infinite breaks, excursions past the view (clipped, re-entered mid-column), noisy
 * columns where the min and max swap order, spikes that put a column's max right before
 * its min, a column visited twice by a reversal, at two widths and with transparency
 * (stroked as one path). The reference is the pixels of the per-vertex reduction before
 * the column loop (sink_column_run): they must stay exactly equal. */
static void test_long_line_columns_match_reference(void)
{
    enum { N = 120000 };
    double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_PTR_NOT_NULL_FATAL(y);
    for (size_t i = 0; i < N; i++) {
        double t = (double)i / (N - 1) * 10, w = (double)i * 0.6180339887498949;
        x[i] = i > N / 2 && i < N / 2 + 4000 ? 10 - t : t; /* a short reversal */
        y[i] = 1.4 * sin(3 * t) + 0.3 * sin(21.3 * t);
        if (i > N / 4 && i < N / 3) y[i] += 0.4 * (w - floor(w)); /* noisy columns */
    }
    for (size_t i = N / 3; i < N / 2; i += 397) y[i] = 1.1, y[i + 1] = -1.1; /* max just before min */
    for (size_t i = 777; i < N; i += 9973) y[i] = NAN;
    for (size_t i = 5003; i < N; i += 15013) x[i] = INFINITY;
    nplot_figure *fig = nplot_figure_new(.width = 3.2, .height = 2.4);
    nplot_axes *ax = bare_axes(fig, -0.5, 10.5, -1.2, 1.2);
    nplot_plot_xy(ax, x, y, N, .linewidth = 0.7);
    nplot_plot_xy(ax, x, y, N / 2, .linewidth = 2.5, .alpha = 0.5, .color = "C1");
    golden_compare(fig, DATA, "line_columns", 0.0);
    nplot_figure_free(fig);
    free(x), free(y);
}

/* The data limits of a line as the per-point rule has them: the extremes of the points
 * whose coordinates are both finite, the first of equal values kept (so the sign of a
 * zero end is the first zero's), minpos the smallest positive. */
static void limits_by_points(const double *x, const double *y, size_t n, double lim[6])
{
    lim[0] = lim[2] = lim[3] = lim[5] = INFINITY, lim[1] = lim[4] = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) continue;
        for (int k = 0; k < 2; k++) {
            double v = k ? y[i] : x[i], *l = lim + 3 * k;
            if (v < l[0]) l[0] = v;
            if (v > l[1]) l[1] = v;
            if (v > 0 && v < l[2]) l[2] = v;
        }
    }
}

static bool same_double(double a, double b)
{
    return a == b && signbit(a) == signbit(b);
}

/* Long lines take a lane-parallel pass for their data limits: the view (no margins) and a
 * log view (its lower end the smallest positive) must be the per-point rule's to the bit,
 * with zeros of either sign at the ends, a NaN or an infinity anywhere, odd lengths. */
static void test_long_line_data_limits_match_per_point_rule(void)
{
    enum { N = 5003 };
    static double x[N], y[N];
    for (int c = 0; c < 5; c++) {
        size_t n = N - (size_t)c; /* odd and even lengths: tails past the lanes */
        for (size_t i = 0; i < n; i++) {
            double w = (double)i * 0.6180339887498949;
            x[i] = (double)i - 1000;
            y[i] = (w - floor(w)) * 4 - 3;
        }
        if (c == 1) { /* y's minimum is a zero: +0.0 first (lane 3), -0.0 after it in lane 0 */
            for (size_t i = 0; i < n; i++) y[i] = fabs(y[i]) + 0.5;
            y[4003] = 0.0, y[4004] = -0.0;
        }
        if (c == 2) { /* x's maximum is a zero: -0.0 first (lane 3), +0.0 after it in lane 0 */
            for (size_t i = 0; i < n; i++) x[i] = -(double)i - 1;
            x[7] = -0.0, x[8] = 0.0;
        }
        if (c == 3) y[n - 1] = NAN; /* not all finite: the per-point loop */
        if (c == 4) x[2] = INFINITY, y[3] = -INFINITY;
        double lim[6], lo, hi;
        limits_by_points(x, y, n, lim);
        nd_array *xa = nd_from_f64(x, (ptrdiff_t)n), *ya = nd_from_f64(y, (ptrdiff_t)n);
        CU_ASSERT_PTR_NOT_NULL_FATAL(xa);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ya);
        for (int form = 0; form < 2; form++) { /* C arrays; arrays (limits found while copying) */
            nplot_figure *fig = nplot_figure_new();
            nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
            nplot_margins(ax, 0, 0);
            CU_ASSERT_EQUAL_FATAL(form ? nplot_plot(ax, xa, ya) : nplot_plot_xy(ax, x, y, n), ND_OK);
            nplot_get_xlim(ax, &lo, &hi);
            CU_ASSERT(same_double(lo, lim[0]) && same_double(hi, lim[1]));
            nplot_get_ylim(ax, &lo, &hi);
            CU_ASSERT(same_double(lo, lim[3]) && same_double(hi, lim[4]));
            nplot_set_xscale(ax, "log");
            nplot_get_xlim(ax, &lo, &hi);
            if (isfinite(lim[2])) CU_ASSERT(same_double(lo, lim[2]));
            nplot_figure_free(fig);
        }
        nd_free(xa);
        nd_free(ya);
    }
}

/* ---- bad input --------------------------------------------------------------------------------- */
static void test_bad_sizes(void)
{
    CU_ASSERT_PTR_NULL(nplot_figure_new(.width = -1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "-1") != NULL);
    CU_ASSERT_PTR_NULL(nplot_figure_new(.height = NAN));
    CU_ASSERT_PTR_NULL(nplot_figure_new(.dpi = -100));
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set_size_inches(fig, 0, 3), ND_EVALUE);
    /* sticky: the figure refuses further work and savefig reports the first error */
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nplot_subplot(fig, 1, 1, 1));
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_never.png"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "nplot_figure_set_size_inches") != NULL);
    CU_ASSERT(fopen("plot_test_never.png", "r") == NULL);
    nplot_figure_free(fig);
}

static void test_bad_format_string_and_color_are_named(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[3] = { 1, 2, 3 };
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, x, 3, .fmt = "ko-q"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'q'") != NULL);
    CU_ASSERT(strstr(nd_errmsg(), "ko-q") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, x, 3, .color = "blurple"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "blurple") != NULL);
    CU_ASSERT(strstr(nplot_figure_errmsg(fig), "blurple") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, x, 3, .fmt = "--:"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "two linestyle") != NULL);
    nplot_figure_free(fig);
}

static void test_mismatched_lengths(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *x = nd_linspace(0, 1, 5), *y = nd_linspace(0, 1, 6);
    CU_ASSERT_EQUAL(nplot_plot(ax, x, y), ND_ESHAPE);
    CU_ASSERT(strstr(nd_errmsg(), "5") && strstr(nd_errmsg(), "6"));
    nd_free(x);
    nd_free(y);
    nplot_figure_free(fig);
}

static void test_empty_and_all_nan_data_give_empty_axes(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 2, 1), *bx = nplot_subplot(fig, 1, 2, 2);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, NULL, NULL, 0, .label = "nothing"), ND_OK);
    double nan3[3] = { NAN, NAN, NAN };
    CU_ASSERT_EQUAL(nplot_plot_xy(bx, nan3, nan3, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_scatter_xy(bx, nan3, nan3, 3), ND_OK);
    nplot_legend(ax);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_empty.png"), ND_OK);
    double lo, hi;
    nplot_get_xlim(bx, &lo, &hi);
    CU_ASSERT(lo == 0 && hi == 1);
    remove("plot_test_empty.png");
    nplot_figure_free(fig);
}

static void quiet(const char *msg, unsigned bits, void *ctx)
{
    (void)msg, (void)bits, (void)ctx;
}

static void test_log_scale_masks_nonpositive(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[5] = { 1, 2, 3, 4, 5 }, y[5] = { -1, 0, 10, 100, 1000 };
    nplot_plot_xy(ax, x, y, 5);
    CU_ASSERT_EQUAL(nplot_set_yscale(ax, "log"), ND_OK);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    /* data 10..1000 in log space with 5 % margins */
    ND_ASSERT_CLOSE(lo, pow(10, 1 - 0.1), 1e-9);
    ND_ASSERT_CLOSE(hi, pow(10, 3 + 0.1), 1e-9);
    double t[16];
    int n = nplot_get_yticks(ax, t, 16);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT(n == 3 && t[0] == 10 && t[1] == 100 && t[2] == 1000);
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(ax, 0), "$\\mathdefault{10^{1}}$");
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_log.png"), ND_OK);
    remove("plot_test_log.png");
    /* matplotlib ignores a non-positive limit on a log axis with a warning: the low
     * side keeps its view limit (test_plot_secondary.c checks the warning) */
    nd_seterrcall(quiet, NULL);
    CU_ASSERT_EQUAL(nplot_set_ylim(ax, -1, 10), ND_OK);
    nd_seterrcall(NULL, NULL);
    nplot_get_ylim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, pow(10, 1 - 0.1), 1e-9);
    CU_ASSERT_EQUAL(hi, 10);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_unwritable_path(void)
{
    nplot_figure *fig = sincos_figure();
    CU_ASSERT_EQUAL(nplot_savefig(fig, "/nonexistent-dir/x.png"), ND_EIO);
    CU_ASSERT(strstr(nd_errmsg(), "/nonexistent-dir/x.png") != NULL);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "/nonexistent-dir/x.svg"), ND_EIO);
    /* an I/O failure is not sticky: the figure can still be saved elsewhere */
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_render_rgba_checks_size(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 1, .dpi = 50, .facecolor = "blue");
    unsigned char buf[100 * 50 * 4];
    CU_ASSERT_EQUAL(nplot_figure_render_rgba(fig, buf, 99, 50, 400), ND_ESHAPE);
    CU_ASSERT_EQUAL(nplot_figure_render_rgba(fig, buf, 100, 50, 400), ND_OK);
    CU_ASSERT(buf[0] == 0 && buf[1] == 0 && buf[2] == 255 && buf[3] == 255);
    nd_array *a = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_EQUAL(nd_ndim(a), 3);
    CU_ASSERT(nd_shape(a)[0] == 50 && nd_shape(a)[1] == 100 && nd_shape(a)[2] == 4);
    nd_free(a);
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_figure_defaults),
    ND_T(test_autoscale_margins),
    ND_T(test_color_parsing),
    ND_T(test_red_line_pixels_follow_data),
    ND_T(test_svg_has_one_path_per_line),
    ND_T(test_png_bytes_are_deterministic),
    ND_T(test_pdf_and_svg_output),
    ND_T(test_sincos_matches_reference),
    ND_T(test_large_line_is_simplified_and_exact_enough),
    ND_T(test_long_line_columns_match_reference),
    ND_T(test_long_line_data_limits_match_per_point_rule),
    ND_T(test_bad_sizes),
    ND_T(test_bad_format_string_and_color_are_named),
    ND_T(test_mismatched_lengths),
    ND_T(test_empty_and_all_nan_data_give_empty_axes),
    ND_T(test_log_scale_masks_nonpositive),
    ND_T(test_unwritable_path),
    ND_T(test_render_rgba_checks_size),
    { 0 },
};
ND_TEST_MAIN("plot", tests)
