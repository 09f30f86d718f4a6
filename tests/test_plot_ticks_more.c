/* Locators and formatters of issue 20 against matplotlib 3.6 (fixtures from
 * tests/data/plot/gen_ticks_more.py): MultipleLocator, AutoMinorLocator(n), EngFormatter,
 * PercentFormatter and NullFormatter on an axis, FixedLocator / NullLocator, bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TICKS_SCALES_NO_MAIN
#include "../examples/ticks_scales.c"

#include "plot_image.h"
#include "testutil.h"

#define DATA NUMC_TEST_DATA "/plot/"
#define GOLDEN NUMC_TEST_DATA "/plot"

static int parse_doubles(char *s, double *out, int cap)
{
    int n = 0;
    char *end;
    for (;;) {
        double v = strtod(s, &end);
        if (end == s) break;
        if (n < cap) out[n] = v;
        n++;
        s = end;
    }
    return n;
}

static bool close_tick(double a, double b, double scale)
{
    return fabs(a - b) <= 1e-12 * fmax(fabs(a), fabs(b)) + 1e-12 * scale;
}

/* split line at tabs into at most cap fields (empty fields kept); strips the newline */
static int split_tabs(char *line, char **f, int cap)
{
    line[strcspn(line, "\n")] = '\0';
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < cap; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

static void test_multiple_ticks_match_matplotlib(void)
{
    FILE *f = fopen(DATA "multiple_ticks.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[8192];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[4];
        CU_ASSERT_EQUAL_FATAL(split_tabs(line, fl, 4), 2);
        double lo, hi, base;
        CU_ASSERT_EQUAL_FATAL(sscanf(fl[0], "%lf %lf %lf", &lo, &hi, &base), 3);
        double want[256], got[256];
        int nw = parse_doubles(fl[1], want, 256);
        int ng = nplot_multiple_ticks(lo, hi, base, 0, got, 256);
        bool ok = ng == nw;
        for (int i = 0; ok && i < nw; i++) ok = close_tick(got[i], want[i], base);
        if (!ok) {
            bad++;
            printf("\nmultiple(%g) over (%g, %g): %d ticks, want %d\n", base, lo, hi, ng, nw);
        }
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases >= 100);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_multiple_offset_and_axis(void)
{
    /* offset shifts every tick: multiples of 2 plus 0.5 around [0, 10] */
    double t[32];
    int n = nplot_multiple_ticks(0, 10, 2, 0.5, t, 32);
    CU_ASSERT_EQUAL(n, 7);
    for (int i = 0; i < n && i < 7; i++) CU_ASSERT_DOUBLE_EQUAL(t[i], -1.5 + 2 * i, 1e-12);
    /* on an axis only the ticks inside the view remain */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xlim(ax, 0, 10), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_xlocator(ax, .kind = "multiple", .base = 2, .offset = 0.5), ND_OK);
    n = nplot_get_xticks(ax, t, 32);
    CU_ASSERT_EQUAL(n, 5);
    for (int i = 0; i < n && i < 5; i++) CU_ASSERT_DOUBLE_EQUAL(t[i], 0.5 + 2 * i, 1e-12);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 0), "0.5");
    /* FixedLocator, then NullLocator, then back to auto */
    const double fx[] = { 1, 2.5, 7 };
    CU_ASSERT_EQUAL(nplot_set_xlocator(ax, .kind = "fixed", .ticks = fx, .nticks = 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 32), 3);
    CU_ASSERT_DOUBLE_EQUAL(t[1], 2.5, 0);
    CU_ASSERT_EQUAL(nplot_set_xlocator(ax, .kind = "null"), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 32), 0);
    CU_ASSERT_EQUAL(nplot_set_xlocator(ax, .kind = "auto"), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 32), 6); /* 0, 2, ..., 10 */
    nplot_figure_free(fig);
}

static void test_autominor_ticks_match_matplotlib(void)
{
    FILE *f = fopen(DATA "autominor_ticks.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    static char line[65536];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[4];
        CU_ASSERT_EQUAL_FATAL(split_tabs(line, fl, 4), 3);
        double lo, hi;
        int ndiv;
        CU_ASSERT_EQUAL_FATAL(sscanf(fl[0], "%lf %lf %d", &lo, &hi, &ndiv), 3);
        double major[64], want[512], got[512];
        int nmaj = parse_doubles(fl[1], major, 64);
        int nw = parse_doubles(fl[2], want, 512);
        int ng = nplot_autominor_ticks(major, nmaj, lo, hi, ndiv, got, 512);
        bool ok = ng == nw;
        for (int i = 0; ok && i < nw; i++) ok = close_tick(got[i], want[i], fabs(hi - lo));
        if (!ok) {
            bad++;
            printf("\nautominor(%d) over (%g, %g): %d ticks, want %d\n", ndiv, lo, hi, ng, nw);
        }
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases >= 200);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_eng_labels_match_matplotlib(void)
{
    FILE *f = fopen(DATA "eng_labels.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[1024];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[6];
        CU_ASSERT_EQUAL_FATAL(split_tabs(line, fl, 6), 5);
        int places = atoi(fl[0]);
        double v = strtod(fl[3], NULL);
        char buf[128];
        CU_ASSERT_EQUAL(nplot_eng_format(v, fl[2], places, fl[1], buf, sizeof buf), ND_OK);
        if (strcmp(buf, fl[4])) {
            bad++;
            printf("\neng(%.17g, places %d, sep '%s', unit '%s'): '%s' want '%s'\n", v, places,
                   fl[1], fl[2], buf, fl[4]);
        }
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases >= 1000);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_axis_formatters_match_matplotlib(void)
{
    FILE *f = fopen(DATA "axis_fmt_labels.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[2048];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[5];
        CU_ASSERT_EQUAL_FATAL(split_tabs(line, fl, 5), 4);
        double lo, hi;
        CU_ASSERT_EQUAL_FATAL(sscanf(fl[1], "%lf %lf", &lo, &hi), 2);
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_set_ylim(ax, lo, hi), ND_OK);
        nd_status st;
        if (!strcmp(fl[0], "percent")) {
            double xmax;
            int dec, used = 0;
            /* "xmax decimals symbol": the symbol is everything after the second space */
            CU_ASSERT_EQUAL_FATAL(sscanf(fl[2], "%lf %d%n", &xmax, &dec, &used), 2);
            const char *sym = fl[2] + used + 1;
            /* matplotlib decimals None → 0 here, 0 → NPLOT_OFF */
            st = nplot_set_yformatter(ax, .kind = "percent", .xmax = xmax,
                                      .decimals = dec < 0 ? 0 : dec == 0 ? NPLOT_OFF : dec,
                                      .symbol = sym);
        } else if (!strcmp(fl[0], "eng")) {
            int places = atoi(fl[2]);
            const char *unit = strchr(fl[2], ' ') + 1;
            st = nplot_set_yformatter(ax, .kind = "eng", .unit = unit,
                                      .places = places < 0 ? 0 : places == 0 ? NPLOT_OFF : places);
        } else {
            st = nplot_set_yformatter(ax, .kind = "null");
        }
        CU_ASSERT_EQUAL(st, ND_OK);
        double t[64];
        int n = nplot_get_yticks(ax, t, 64);
        char got[2048] = "";
        for (int i = 0; i < n; i++) {
            if (i) strcat(got, "|");
            const char *l = nplot_get_yticklabel(ax, i);
            strncat(got, l ? l : "(null)", sizeof got - strlen(got) - 1);
        }
        if (strcmp(got, fl[3])) {
            bad++;
            printf("\n%s (%g, %g) [%s]: '%s' want '%s'\n", fl[0], lo, hi, fl[2], got, fl[3]);
        }
        nplot_figure_free(fig);
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases >= 50);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_locator_bad_input(void)
{
    double t[8];
    CU_ASSERT(nplot_multiple_ticks(0, 1, 0, 0, t, 8) < 0);
    CU_ASSERT(strstr(nd_errmsg(), "base") != NULL);
    CU_ASSERT(nplot_multiple_ticks(0, INFINITY, 1, 0, t, 8) < 0);
    CU_ASSERT(nplot_multiple_ticks(0, 1e300, 1e-300, 0, t, 8) < 0);
    CU_ASSERT(nplot_autominor_ticks(t, 0, 0, 1, -1, t, 8) < 0);
    CU_ASSERT_EQUAL(nplot_eng_format(1, "", -1, " ", NULL, 8), ND_EVALUE);
    char small[2];
    CU_ASSERT_EQUAL(nplot_eng_format(1234, "Hz", -1, " ", small, sizeof small), ND_EVALUE);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xlocator(ax, .kind = "sometimes"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "unknown locator kind 'sometimes'") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_ylocator(ax, .kind = "multiple", .base = -2), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xlocator(ax, .kind = "autominor"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "minor") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xlocator(ax, .kind = "fixed", .nticks = 3), ND_EVALUE);
    nplot_figure_free(fig);
}

/* tick_params: direction in / out / inout, length, and the side switches, read from pixels
 * around one thick x tick at 0.5 (the y axis has none) */
static img tick_image(const char *direction, double length, int top, int bottom)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, 0, 1, 0, 1);
    const double t[1] = { 0.5 };
    nplot_set_xticks(ax, t, 1);
    nplot_tick_params(ax, .axis = "x", .direction = direction, .length = length, .width = 3,
                      .top = top, .bottom = bottom, .labelbottom = NPLOT_OFF);
    img m = render(fig);
    nplot_figure_free(fig);
    return m;
}

static bool dark(const unsigned char *p) { return p[0] < 100 && p[1] < 100 && p[2] < 100; }
static bool light(const unsigned char *p) { return p[0] > 200 && p[1] > 200 && p[2] > 200; }

static void test_tick_params_pixels(void)
{
    /* the axes spans figure fractions 0.05..0.95 of 400 x 300 px: bottom spine at y = 285,
     * top spine at y = 15, tick at x = 200; 10 pt = 13.9 px */
    const double x = 200, yb = 300 - 0.05 * 300, yt = 0.05 * 300;
    img out = tick_image("out", 10, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out.px);
    CU_ASSERT(dark(at(&out, x, yb + 8)));    /* below the spine: the tick */
    CU_ASSERT(light(at(&out, x, yb - 8)));   /* inside: nothing */
    CU_ASSERT(light(at(&out, x, yb + 18)));  /* past its length */
    CU_ASSERT(light(at(&out, x, yt - 8)));   /* no top tick by default */
    CU_ASSERT(light(at(&out, x + 10, yb + 8)));
    free(out.px);
    img in = tick_image("in", 10, NPLOT_ON, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in.px);
    CU_ASSERT(dark(at(&in, x, yb - 8)));
    CU_ASSERT(light(at(&in, x, yb + 8)));
    CU_ASSERT(dark(at(&in, x, yt + 8)));     /* top=True, pointing inwards (down) */
    CU_ASSERT(light(at(&in, x, yt - 8)));
    free(in.px);
    img io = tick_image("inout", 20, 0, NPLOT_OFF);
    CU_ASSERT_PTR_NOT_NULL_FATAL(io.px);
    CU_ASSERT(light(at(&io, x, yb + 8)));    /* bottom=False: no tick at all */
    CU_ASSERT(light(at(&io, x, yb - 8)));
    free(io.px);
    img io2 = tick_image("inout", 20, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(io2.px);
    CU_ASSERT(dark(at(&io2, x, yb + 8)));    /* half of 27.8 px each side */
    CU_ASSERT(dark(at(&io2, x, yb - 8)));
    CU_ASSERT(light(at(&io2, x, yb + 18)));
    free(io2.px);
}

/* tick_params(colors=, grid_color=, grid_linewidth=, grid_alpha=): the grid keeps its
 * on/off state and takes the style; an unknown grid_linestyle is ND_EVALUE */
static void test_tick_params_colors_and_grid(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, 0, 1, 0, 1);
    const double t[1] = { 0.5 };
    nplot_set_xticks(ax, t, 1);
    CU_ASSERT_EQUAL(nplot_tick_params(ax, .axis = "x", .colors = "red", .width = 3,
                                      .grid_color = "blue", .grid_linewidth = 4), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at(&m, 200, 285 + 2.5), 0xff0000, 40));   /* red tick mark */
    CU_ASSERT(near_rgb(at(&m, 200, 150), 0xffffff, 10));         /* grid still off */
    free(m.px);
    CU_ASSERT_EQUAL(nplot_grid(ax, .axis = "x"), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at(&m, 200, 150), 0x0000ff, 40));         /* blue grid line ... */
    CU_ASSERT(near_rgb(at(&m, 201, 150), 0x0000ff, 60));         /* ... 4 pt wide */
    free(m.px);
    CU_ASSERT_EQUAL(nplot_tick_params(ax, .grid_linestyle = "wavy"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "grid_linestyle 'wavy'") != NULL);
    nplot_figure_free(fig);
}

/* examples/ticks_scales.c's figure against its reviewed rendering
 * (tests/data/plot/ticks_scales.png, checked next to scripts/mpl_ticks_scales_reference.py) */
static void test_golden_ticks_scales(void)
{
    nplot_figure *fig = ticks_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "ticks_scales");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/ticks_scales.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden ticks_scales: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
}

static void test_asinh_axis_matches_matplotlib(void)
{
    FILE *f = fopen(DATA "asinh_axis.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[4096];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[4];
        CU_ASSERT_EQUAL_FATAL(split_tabs(line, fl, 4), 3);
        double lw, lo, hi;
        CU_ASSERT_EQUAL_FATAL(sscanf(fl[0], "%lf %lf %lf", &lw, &lo, &hi), 3);
        double want[64], got[64];
        int nw = parse_doubles(fl[1], want, 64);
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_set_yscale(ax, "asinh", .linear_width = lw), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_ylim(ax, lo, hi), ND_OK);
        int ng = nplot_get_yticks(ax, got, 64);
        bool ok = ng == nw;
        for (int i = 0; ok && i < nw; i++) ok = close_tick(got[i], want[i], 0);
        char labels[2048] = "";
        for (int i = 0; ok && i < ng; i++) {
            if (i) strcat(labels, "|");
            const char *l = nplot_get_yticklabel(ax, i);
            strncat(labels, l ? l : "(null)", sizeof labels - strlen(labels) - 1);
        }
        if (ok && strcmp(labels, fl[2])) ok = false;
        if (!ok) {
            bad++;
            printf("\nasinh(%g) (%g, %g): %d ticks, want %d; '%s' want '%s'\n", lw, lo, hi, ng, nw,
                   labels, fl[2]);
        }
        nplot_figure_free(fig);
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases >= 30);
    CU_ASSERT_EQUAL(bad, 0);
    /* the transform: a0 * asinh(v / a0) between the limits, linear near 0 */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_yscale(ax, "asinh", .linear_width = 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_ylim(ax, -100, 100), ND_OK);
    double px, p0, p1, ptop;
    CU_ASSERT_EQUAL(nplot_data_to_pixel(ax, 0, 0, &px, &p0), ND_OK);
    CU_ASSERT_EQUAL(nplot_data_to_pixel(ax, 0, 1, &px, &p1), ND_OK);
    CU_ASSERT_EQUAL(nplot_data_to_pixel(ax, 0, 100, &px, &ptop), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL((p0 - p1) / (p0 - ptop), 2 * asinh(0.5) / (2 * asinh(50)), 1e-9);
    CU_ASSERT_EQUAL(nplot_set_yscale(ax, "asinh", .linear_width = -1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xscale(ax, "arcsinh"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "unknown scale 'arcsinh'") != NULL);
    nplot_figure_free(fig);
}

static double sq_fwd(double v, void *ctx)
{
    (void)ctx;
    return v < 0 ? -v * v : v * v;
}
static double sq_inv(double t, void *ctx)
{
    (void)ctx;
    return t < 0 ? -sqrt(-t) : sqrt(t);
}
static double cube_fwd(double v, void *ctx)
{
    (void)ctx;
    return v * v * v;
}
static double cube_inv(double t, void *ctx)
{
    (void)ctx;
    return cbrt(t);
}

static void test_function_axis_matches_matplotlib(void)
{
    FILE *f = fopen(DATA "function_axis.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[4096];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[5];
        CU_ASSERT_EQUAL_FATAL(split_tabs(line, fl, 5), 4);
        int which;
        double lo, hi;
        CU_ASSERT_EQUAL_FATAL(sscanf(fl[0], "%d %lf %lf", &which, &lo, &hi), 3);
        double want[64], got[64], pix[3];
        int nw = parse_doubles(fl[1], want, 64);
        CU_ASSERT_EQUAL_FATAL(parse_doubles(fl[3], pix, 3), 3);
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_set_yscale(ax, "function", .forward = which ? cube_fwd : sq_fwd,
                                         .inverse = which ? cube_inv : sq_inv), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_ylim(ax, lo, hi), ND_OK);
        int ng = nplot_get_yticks(ax, got, 64);
        bool ok = ng == nw;
        for (int i = 0; ok && i < nw; i++) ok = close_tick(got[i], want[i], hi - lo);
        char labels[2048] = "";
        for (int i = 0; ok && i < ng; i++) {
            if (i) strcat(labels, "|");
            const char *l = nplot_get_yticklabel(ax, i);
            strncat(labels, l ? l : "(null)", sizeof labels - strlen(labels) - 1);
        }
        if (ok && strcmp(labels, fl[2])) ok = false;
        for (int q = 0; ok && q < 3; q++) {
            double px, py;
            CU_ASSERT_EQUAL(nplot_data_to_pixel(ax, 0, lo + (q + 1) * 0.25 * (hi - lo), &px, &py),
                            ND_OK);
            if (fabs(py - pix[q]) > 0.5) {
                ok = false;
                printf("\nfunction %d (%g, %g): pixel %g want %g\n", which, lo, hi, py, pix[q]);
            }
        }
        if (!ok) {
            bad++;
            printf("\nfunction %d (%g, %g): %d ticks, want %d; '%s' want '%s'\n", which, lo, hi,
                   ng, nw, labels, fl[2]);
        }
        nplot_figure_free(fig);
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases >= 14);
    CU_ASSERT_EQUAL(bad, 0);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xscale(ax, "function", .forward = sq_fwd), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), ".inverse") != NULL);
    nplot_figure_free(fig);
    /* a shared axes follows its root's function scale */
    fig = nplot_figure_new();
    nplot_axes *axs[2];
    CU_ASSERT_EQUAL_FATAL(nplot_subplots(fig, 1, 2, axs, .sharey = true), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_yscale(axs[0], "function", .forward = cube_fwd, .inverse = cube_inv),
                    ND_OK);
    CU_ASSERT_EQUAL(nplot_set_ylim(axs[0], 0, 2), ND_OK);
    double p0, p1, q0, q1, px;
    CU_ASSERT_EQUAL(nplot_data_to_pixel(axs[0], 0, 1, &px, &p0), ND_OK);
    CU_ASSERT_EQUAL(nplot_data_to_pixel(axs[1], 0, 1, &px, &q0), ND_OK);
    CU_ASSERT_EQUAL(nplot_data_to_pixel(axs[0], 0, 0, &px, &p1), ND_OK);
    CU_ASSERT_EQUAL(nplot_data_to_pixel(axs[1], 0, 0, &px, &q1), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(p0, q0, 1e-9);
    double q2;
    CU_ASSERT_EQUAL(nplot_data_to_pixel(axs[1], 0, 2, &px, &q2), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(p1, q1, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL((q1 - q0) / (q1 - q2), 1.0 / 8, 1e-9); /* 1^3 / 2^3 of the way up */
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_multiple_ticks_match_matplotlib),
    ND_T(test_multiple_offset_and_axis),
    ND_T(test_autominor_ticks_match_matplotlib),
    ND_T(test_eng_labels_match_matplotlib),
    ND_T(test_axis_formatters_match_matplotlib),
    ND_T(test_locator_bad_input),
    ND_T(test_asinh_axis_matches_matplotlib),
    ND_T(test_function_axis_matches_matplotlib),
    ND_T(test_tick_params_pixels),
    ND_T(test_tick_params_colors_and_grid),
    ND_T(test_golden_ticks_scales),
    { 0 },
};
ND_TEST_MAIN("plot_ticks_more", tests)
