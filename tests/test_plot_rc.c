/* rcParams: every key's default and its value under 14 of matplotlib's style sheets against
 * matplotlib 3.6 (tests/data/plot/rc/<style>.txt from scripts/mpl_rc_reference.py); rc
 * values change what is drawn (line widths, font sizes, figure size and dpi, tick lengths
 * and directions, colors, margins, unicode minus, image.cmap measured in rendered pixels and
 * layout numbers); rc_context; matplotlibrc files and their errors; 'xkcd:' colors; the
 * golden of the bmh style (scripts/mpl_rc_reference.py's neighbour mpl_rc_golden.py). */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define RCDATA NUMC_TEST_DATA "/plot/rc"
#define GOLDEN NUMC_TEST_DATA "/plot"

static void reset(void)
{
    nplot_rc_defaults();
}

/* ---- defaults and style sheets against matplotlib ----------------------------------------- */
static void squash(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < cap; p++)
        if (*p != ' ') out[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    out[o] = '\0';
}

/* Compare every key of the current table with the reference file; returns the mismatches. */
static int compare_with_(const char *file, bool verbose)
{
    size_t len;
    char *text = read_file(file, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    int bad = 0, seen = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *t1 = strchr(line, '\t');
        CU_ASSERT_PTR_NOT_NULL_FATAL(t1);
        *t1 = '\0';
        char *t2 = strchr(t1 + 1, '\t');
        *t2 = '\0';
        const char *key = line, *kind = t1 + 1, *val = t2 + 1;
        seen++;
        bool ok = true;
        if (!strcmp(kind, "num")) {
            double v;
            ok = nplot_rc_get_float(key, &v) == ND_OK && fabs(v - atof(val)) <= 1e-9 * fabs(v) + 1e-12;
        } else if (!strcmp(kind, "bool")) {
            bool b;
            ok = nplot_rc_get_bool(key, &b) == ND_OK && b == (atoi(val) != 0);
        } else if (!strcmp(kind, "pair")) {
            double v[2];
            size_t n;
            double w, h;
            sscanf(val, "%lf %lf", &w, &h);
            ok = nplot_rc_get_floats(key, v, 2, &n) == ND_OK && n == 2 && v[0] == w && v[1] == h;
        } else if (!strcmp(kind, "color") || !strcmp(kind, "colors")) {
            nplot_rgba c[32];
            size_t n;
            ok = nplot_rc_get_colors(key, c, 32, &n) == ND_OK;
            const char *p = val;
            for (size_t i = 0; ok && i < n; i++) {
                double e[4];
                int used;
                for (int k = 0; k < 4; k++) {
                    ok = ok && sscanf(p, "%lf%n", &e[k], &used) == 1;
                    p += used;
                }
                ok = ok && fabs(c[i].r - e[0]) < 1e-6 && fabs(c[i].g - e[1]) < 1e-6 &&
                     fabs(c[i].b - e[2]) < 1e-6 && fabs(c[i].a - e[3]) < 1e-6;
            }
            double extra;
            ok = ok && sscanf(p, "%lf", &extra) != 1; /* as many colors as matplotlib's */
        } else {
            char got[400], a[400], b[400];
            ok = nplot_rc_get(key, got, sizeof got) == ND_OK;
            squash(got, a, sizeof a);
            squash(val, b, sizeof b);
            if (!strcmp(key, "savefig.dpi") && strcmp(b, "figure")) {
                double v;
                ok = ok && nplot_rc_get_float(key, &v) == ND_OK && v == atof(val);
            } else {
                ok = ok && !strcmp(a, b);
            }
        }
        if (!ok) {
            if (verbose) fprintf(stderr, "%s: %s differs from matplotlib's %s\n", file, key, val);
            bad++;
        }
    }
    /* the reference covers every key numc has */
    size_t nkeys = 0;
    while (nplot_rc_key(nkeys)) nkeys++;
    CU_ASSERT_EQUAL((size_t)seen, nkeys);
    free(text);
    return bad;
}

static int compare_with(const char *file)
{
    return compare_with_(file, true);
}

/* The rc parameter key reads back as the float want. */
static void assert_rc_float(const char *key, double want)
{
    double v;
    CU_ASSERT_EQUAL(nplot_rc_get_float(key, &v), ND_OK);
    CU_ASSERT_EQUAL(v, want);
}

static void test_defaults_equal_matplotlib(void)
{
    reset();
    CU_ASSERT_EQUAL(compare_with(RCDATA "/rcdefault.txt"), 0);
    /* a value changed, then rcdefaults */
    CU_ASSERT_EQUAL(nplot_rc_set("font.size", "13"), ND_OK);
    CU_ASSERT_EQUAL(compare_with_(RCDATA "/rcdefault.txt", false), 6); /* font.size + 5 relative */
    nplot_rc_defaults();
    CU_ASSERT_EQUAL(compare_with(RCDATA "/rcdefault.txt"), 0);
}

static void test_style_sheets_equal_matplotlib(void)
{
    static const char *const styles[] = {
        "default", "classic", "fast", "ggplot", "bmh", "dark_background", "grayscale",
        "fivethirtyeight", "Solarize_Light2", "tableau-colorblind10", "seaborn-v0_8",
        "seaborn-v0_8-whitegrid", "seaborn-v0_8-darkgrid", "seaborn-v0_8-paper",
        "seaborn-v0_8-colorblind",
    };
    for (size_t i = 0; i < sizeof styles / sizeof *styles; i++) {
        reset();
        CU_ASSERT_EQUAL_FATAL(nplot_style_use(styles[i]), ND_OK);
        char file[256];
        snprintf(file, sizeof file, RCDATA "/%s.txt", styles[i]);
        int bad = compare_with(file);
        if (bad) fprintf(stderr, "style %s: %d keys differ\n", styles[i], bad);
        CU_ASSERT_EQUAL(bad, 0);
    }
    /* sheets compose: bmh after ggplot keeps ggplot's keys bmh does not set */
    reset();
    CU_ASSERT_EQUAL(nplot_style_use("ggplot"), ND_OK);
    CU_ASSERT_EQUAL(nplot_style_use("bmh"), ND_OK);
    char v[64];
    CU_ASSERT_EQUAL(nplot_rc_get("axes.labelcolor", v, sizeof v), ND_OK);
    CU_ASSERT_STRING_EQUAL(v, "555555");
    CU_ASSERT_EQUAL(nplot_rc_get("axes.facecolor", v, sizeof v), ND_OK);
    CU_ASSERT_STRING_EQUAL(v, "eeeeee");
    /* the old seaborn names map to seaborn-v0_8 ones, as matplotlib 3.6 */
    reset();
    CU_ASSERT_EQUAL(nplot_style_use("seaborn-whitegrid"), ND_OK);
    CU_ASSERT_EQUAL(compare_with(RCDATA "/seaborn-v0_8-whitegrid.txt"), 0);
    size_t n = 0;
    while (nplot_style_name(n)) n++;
    CU_ASSERT_EQUAL(n, 26); /* default + the 25 sheets matplotlib 3.6 ships */
    reset();
}

/* ---- rc values change what is drawn ----------------------------------------------------- */
/* Count the dark pixels of column x between rows y0 and y1 (a horizontal line's width). */
static int dark_run(const img *m, int x, int y0, int y1)
{
    int n = 0;
    for (int y = y0; y < y1; y++) {
        const unsigned char *p = at(m, x, y);
        if (p[0] < 128 && p[1] < 128 && p[2] < 128) n++;
    }
    return n;
}

/* A black horizontal line y = 0.5 across the axes: its thickness in pixels. */
static int line_thickness(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 1 }, y[2] = { 0.5, 0.5 };
    nplot_plot_xy(ax, x, y, 2, .color = "k");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    int t = dark_run(&m, (int)((x0 + x1) / 2), (int)y0 + 2, (int)y1 - 2);
    free(m.px);
    nplot_figure_free(fig);
    return t;
}

static void test_lines_linewidth_drawn(void)
{
    reset();
    CU_ASSERT_EQUAL(nplot_rc_set_float("lines.linewidth", 7.2), ND_OK); /* 10 px at 100 dpi */
    int thick = line_thickness();
    CU_ASSERT(thick >= 9 && thick <= 11);
    CU_ASSERT_EQUAL(nplot_rc_set_float("lines.linewidth", 1.44), ND_OK); /* 2 px */
    int thin = line_thickness();
    CU_ASSERT(thin >= 1 && thin <= 3);
    /* bmh's lines.linewidth is 2.0 (matplotlib's sheet): 2.8 px */
    reset();
    CU_ASSERT_EQUAL(nplot_style_use("bmh"), ND_OK);
    assert_rc_float("lines.linewidth", 2.0);
    reset();
}

static void test_lines_linestyle_drawn(void)
{
    reset();
    CU_ASSERT_EQUAL(nplot_rc_set("lines.linestyle", "--"), ND_OK);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 1 }, y[2] = { 0.5, 0.5 };
    nplot_plot_xy(ax, x, y, 2, .color = "k");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    int yc = (int)((y0 + y1) / 2);
    int gaps = 0, ink = 0;
    for (int xx = (int)x0 + 12; xx < (int)x1 - 12; xx++) {
        if (dark_run(&m, xx, yc - 3, yc + 4) > 0) ink++;
        else gaps++;
    }
    CU_ASSERT(gaps > 20 && ink > 20); /* dashed: both ink and gaps along the line */
    free(m.px);
    nplot_figure_free(fig);
    reset();
}

static void test_figure_size_and_dpi(void)
{
    reset();
    CU_ASSERT_EQUAL(nplot_rc_set("figure.figsize", "3, 2"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set_float("figure.dpi", 50), ND_OK);
    nplot_figure *fig = nplot_figure_new();
    int w, h;
    CU_ASSERT_EQUAL(nplot_figure_pixel_size(fig, &w, &h), ND_OK);
    CU_ASSERT_EQUAL(w, 150);
    CU_ASSERT_EQUAL(h, 100);
    nplot_figure_free(fig);
    /* savefig.dpi: a PNG at 80 dpi of a 3 x 2 in figure is 240 x 160 */
    CU_ASSERT_EQUAL(nplot_rc_set("savefig.dpi", "80"), ND_OK);
    fig = nplot_figure_new();
    nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "rc_savefig_dpi.png"), ND_OK);
    size_t len;
    char *png = read_file("rc_savefig_dpi.png", &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(png);
    const unsigned char *u = (const unsigned char *)png;
    CU_ASSERT_EQUAL((u[16] << 24) | (u[17] << 16) | (u[18] << 8) | u[19], 240);
    CU_ASSERT_EQUAL((u[20] << 24) | (u[21] << 16) | (u[22] << 8) | u[23], 160);
    free(png);
    remove("rc_savefig_dpi.png");
    nplot_figure_free(fig);
    /* savefig.facecolor: the saved PNG's background (the figure's own stays) */
    CU_ASSERT_EQUAL(nplot_rc_set("savefig.facecolor", "xkcd:red"), ND_OK); /* #e50000 */
    fig = nplot_figure_new(.facecolor = "white");
    CU_ASSERT_EQUAL(nplot_savefig(fig, "rc_savefig_face.png"), ND_OK);
    nd_array *im = nplot_imread("rc_savefig_face.png");
    CU_ASSERT_PTR_NOT_NULL_FATAL(im);
    const unsigned char *pix = nd_data(im); /* uint8 RGBA */
    CU_ASSERT(pix[0] == 0xe5 && pix[1] == 0 && pix[2] == 0);
    nd_free(im);
    remove("rc_savefig_face.png");
    img m = render(fig);
    CU_ASSERT(m.px && near(at(&m, 1, 1), 255, 255, 255, 0));
    free(m.px);
    nplot_figure_free(fig);
    /* explicit options still win */
    fig = nplot_figure_new(.width = 1, .height = 1, .dpi = 100);
    CU_ASSERT_EQUAL(nplot_figure_pixel_size(fig, &w, &h), ND_OK);
    CU_ASSERT_EQUAL(w, 100);
    nplot_figure_free(fig);
    reset();
}

/* The height in pixels of the title's ink (rows with dark pixels above the axes). */
static int title_ink_height(const char *style)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100, .style = style);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_set_title(ax, "HHHH");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    int top = -1, bottom = -1;
    for (int y = 0; y < (int)y0 - 1; y++)
        if (dark_run(&m, (int)((x0 + x1) / 2) - 60, 0, 0) >= 0) {
            bool ink = false;
            for (int x = (int)x0; x < (int)x1 && !ink; x++) {
                const unsigned char *p = at(&m, x, y);
                ink = p[0] < 100 && p[1] < 100 && p[2] < 100;
            }
            if (ink) {
                if (top < 0) top = y;
                bottom = y;
            }
        }
    free(m.px);
    nplot_figure_free(fig);
    return top < 0 ? 0 : bottom - top + 1;
}

static void test_font_sizes_drawn(void)
{
    reset();
    /* 'H' caps are 0.729 em in DejaVu Sans: 12 pt title at 100 dpi ≈ 12.2 px */
    int normal = title_ink_height(NULL);
    CU_ASSERT(normal >= 11 && normal <= 13);
    CU_ASSERT_EQUAL(nplot_rc_set_float("font.size", 20), ND_OK); /* title 'large' → 24 pt */
    int big = title_ink_height(NULL);
    CU_ASSERT(big >= 23 && big <= 26);
    CU_ASSERT_EQUAL(nplot_rc_set("axes.titlesize", "10"), ND_OK); /* absolute: 10 pt */
    int ten = title_ink_height(NULL);
    CU_ASSERT(ten >= 9 && ten <= 11);
    reset();
    /* ggplot's titles are x-large (14.4 pt) */
    int gg = title_ink_height("ggplot");
    CU_ASSERT(gg >= 14 && gg <= 16);
    reset();
}

static void test_ticks_and_spines_drawn(void)
{
    reset();
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_tight_layout(fig);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    nplot_figure_free(fig);

    CU_ASSERT_EQUAL(nplot_rc_set_float("xtick.major.size", 14.4), ND_OK); /* 20 px */
    CU_ASSERT_EQUAL(nplot_rc_set("xtick.direction", "in"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set("xtick.color", "red"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set_bool("axes.spines.top", false), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set("axes.edgecolor", "xkcd:electric blue"), ND_OK);
    fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    ax = nplot_subplot(fig, 1, 1, 1);
    double xt[3] = { 0, 0.5, 1 };
    nplot_set_xticks(ax, xt, 3);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double xm = (x0 + x1) / 2;
    /* the middle x tick: red, pointing into the axes, 20 px long */
    int red = 0;
    for (int y = (int)y1 - 30; y < (int)y1 + 10; y++)
        if (near(at(&m, xm, y), 255, 0, 0, 60)) red++;
    CU_ASSERT(red >= 17 && red <= 21);
    CU_ASSERT(near(at(&m, xm, y1 - 10), 255, 0, 0, 60));
    CU_ASSERT(!near(at(&m, xm, y1 + 4), 255, 0, 0, 60));
    /* xkcd electric blue (#0652ff) spines, no top spine */
    CU_ASSERT(near_rgb(at(&m, x0 + 20, y1), 0x0652ff, 40) ||
              near_rgb(at(&m, x0 + 20, y1 - 1), 0x0652ff, 40));
    CU_ASSERT(near(at(&m, x0 + 20, y0), 255, 255, 255, 10) &&
              near(at(&m, x0 + 20, y0 + 1), 255, 255, 255, 10));
    free(m.px);
    nplot_figure_free(fig);
    reset();
}

static void test_cycle_grid_face_drawn(void)
{
    reset();
    CU_ASSERT_EQUAL(nplot_rc_set("axes.prop_cycle", "cycler('color', ['xkcd:orange', 'k'])"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set("axes.facecolor", "#eeeeee"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set_bool("axes.grid", true), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set("grid.color", "00ff00"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set_float("grid.linewidth", 2.16), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set_float("lines.linewidth", 4), ND_OK);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 1 }, y[2] = { 0.25, 0.25 };
    nplot_plot_xy(ax, x, y, 2);
    double xt[1] = { 0.5 }, yt[1] = { 0.5 };
    nplot_set_xticks(ax, xt, 1);
    nplot_set_yticks(ax, yt, 1);
    nplot_set_ylim(ax, 0, 1);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.3, 0.25), 0xf97306, 12)); /* xkcd:orange, C0 */
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.3, 0.8), 0xeeeeee, 3));  /* axes face */
    CU_ASSERT(near_rgb(at_data(&m, ax, 0.5, 0.8), 0x00ff00, 40));  /* the x grid line */
    /* the grid is 3 px wide (2.16 pt at 100 dpi) */
    double px, py;
    nplot_data_to_pixel(ax, 0.5, 0.8, &px, &py);
    int green = 0;
    for (int xx = (int)px - 8; xx <= (int)px + 8; xx++)
        if (near_rgb(at(&m, xx, py), 0x00ff00, 60)) green++;
    CU_ASSERT(green >= 2 && green <= 4);
    free(m.px);
    nplot_figure_free(fig);
    reset();
}

static void test_margins_minus_cmap(void)
{
    reset();
    CU_ASSERT_EQUAL(nplot_rc_set_float("axes.xmargin", 0), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set_bool("axes.unicode_minus", false), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set("image.cmap", "gray"), ND_OK);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { -2, 2 }, y[2] = { 0, 1 };
    nplot_plot_xy(ax, x, y, 2);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -2, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 2, 1e-12);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -0.05, 1e-12); /* axes.ymargin stays 0.05 */
    const char *lab = nplot_get_xticklabel(ax, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lab);
    CU_ASSERT_STRING_EQUAL(lab, "-2");
    nplot_figure_free(fig);
    /* image.cmap: an imshow without cmap is gray */
    fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    ax = nplot_subplot(fig, 1, 1, 1);
    double z[4] = { 0, 1, 1, 0 };
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at_data(&m, ax, 0, 0), 0x000000, 2));
    CU_ASSERT(near_rgb(at_data(&m, ax, 1, 0), 0xffffff, 2));
    free(m.px);
    nplot_figure_free(fig);
    reset();
    fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot_xy(ax, x, y, 2);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    lab = nplot_get_xticklabel(ax, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lab);
    CU_ASSERT(strncmp(lab, "\xe2\x88\x92", 3) == 0); /* U+2212 by default */
    nplot_figure_free(fig);
}

/* ---- rc_context, set/get errors, files -------------------------------------------------- */
static void test_context_push_pop(void)
{
    reset();
    double v;
    CU_ASSERT_EQUAL(nplot_rc_context_push(), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_set_float("font.size", 14), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_context_push(), ND_OK);
    CU_ASSERT_EQUAL(nplot_style_use("ggplot"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_get_float("axes.titlesize", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 10 * 1.44, 1e-12); /* ggplot sets font.size 10, titles x-large */
    CU_ASSERT_EQUAL(nplot_rc_context_pop(), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_get_float("axes.titlesize", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 14 * 1.2, 1e-12);
    CU_ASSERT_EQUAL(nplot_rc_context_pop(), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_get_float("font.size", &v), ND_OK);
    CU_ASSERT_EQUAL(v, 10);
    CU_ASSERT_EQUAL(nplot_rc_context_pop(), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "nplot_rc_context_push") != NULL);
}

static void *other_thread(void *arg)
{
    double *v = arg;
    nplot_rc_get_float("font.size", &v[0]); /* a new thread starts from the defaults */
    nplot_rc_set_float("font.size", 20);
    nplot_rc_get_float("font.size", &v[1]);
    return NULL;
}

static void test_per_thread(void)
{
    reset();
    CU_ASSERT_EQUAL(nplot_rc_set_float("font.size", 7), ND_OK);
    double v[2] = { 0, 0 };
    pthread_t th;
    CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, other_thread, v), 0);
    pthread_join(th, NULL);
    CU_ASSERT_EQUAL(v[0], 10);
    CU_ASSERT_EQUAL(v[1], 20);
    assert_rc_float("font.size", 7);
    reset();
}

static void test_set_get_errors(void)
{
    reset();
    CU_ASSERT_EQUAL(nplot_rc_set("font.szie", "12"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'font.szie'") && strstr(nd_errmsg(), "'font.size'"));
    CU_ASSERT_EQUAL(nplot_rc_set("lines.linewdith", "2"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'lines.linewidth'") != NULL);
    CU_ASSERT_EQUAL(nplot_rc_set("patch.antialiased", "True"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "does not use") != NULL);
    CU_ASSERT_EQUAL(nplot_rc_set("zzz", "1"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("font.size", "big"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'font.size'") && strstr(nd_errmsg(), "a number"));
    CU_ASSERT_EQUAL(nplot_rc_set("axes.grid", "maybe"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'axes.grid'") != NULL);
    CU_ASSERT_EQUAL(nplot_rc_set("axes.facecolor", "notacolor"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("figure.figsize", "3"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("figure.figsize", "3, -1"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("axes.prop_cycle", "cycler('color', ['r', 'nope'])"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("axes.prop_cycle", "cycler('linestyle', ['-'])"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("image.cmap", "viridiss"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("xtick.direction", "up"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set_float("axes.grid", 1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set_bool("font.size", true), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set_float("font.size", -1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set_float("font.size", NAN), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set(NULL, "1"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_set("font.size", NULL), ND_EVALUE);
    double v;
    bool b;
    nplot_rgba c;
    size_t n;
    char small[4];
    CU_ASSERT_EQUAL(nplot_rc_get_float("axes.grid", &v), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_get_bool("font.size", &b), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_get_colors("font.size", &c, 1, &n), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_get_colors("axes.prop_cycle", &c, 1, &n), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_get("font.sans-serif", small, sizeof small), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_get_float("font.size", NULL), ND_EVALUE);
    /* failures left the table as it was */
    CU_ASSERT_EQUAL(compare_with(RCDATA "/rcdefault.txt"), 0);
    /* typed values */
    CU_ASSERT_EQUAL(nplot_rc_set("axes.titlesize", "xx-large"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_get_float("axes.titlesize", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 17.28, 1e-12);
    CU_ASSERT_EQUAL(nplot_rc_set("axes.grid", "yes"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_get_bool("axes.grid", &b), ND_OK);
    CU_ASSERT(b);
    CU_ASSERT_EQUAL(nplot_rc_set("legend.facecolor", "\"#ff0000\""), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_get_colors("legend.facecolor", &c, 1, &n), ND_OK);
    CU_ASSERT(c.r == 1 && c.g == 0 && n == 1);
    CU_ASSERT_EQUAL(nplot_style_use("ggplott"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'ggplot'") != NULL);
    CU_ASSERT_PTR_NULL(nplot_figure_new(.style = "bmhh"));
    reset();
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
}

static void test_rc_file(void)
{
    reset();
    write_text("rc_test_ok.rc",
               "# a matplotlibrc\n"
               "\n"
               "font.size   : 12   # points\n"
               "axes.facecolor: \"#ffeedd\"  # quoted: the '#' is not a comment\n"
               "axes.prop_cycle: cycler('color', ['E24A33', '348ABD'])\n"
               "  lines.linewidth:3\n"
               "patch.antialiased: True\n" /* matplotlib's, not drawn by numc: skipped */
               "figure.figsize : 5, 4\n");
    CU_ASSERT_EQUAL(nplot_rc_file("rc_test_ok.rc"), ND_OK);
    double v;
    CU_ASSERT_EQUAL(nplot_rc_get_float("font.size", &v), ND_OK);
    CU_ASSERT_EQUAL(v, 12);
    CU_ASSERT_EQUAL(nplot_rc_get_float("lines.linewidth", &v), ND_OK);
    CU_ASSERT_EQUAL(v, 3);
    nplot_rgba c[4];
    size_t n;
    CU_ASSERT_EQUAL(nplot_rc_get_colors("axes.facecolor", c, 4, &n), ND_OK);
    CU_ASSERT(fabs(c[0].g - 0xee / 255.0) < 1e-12);
    CU_ASSERT_EQUAL(nplot_rc_get_colors("axes.prop_cycle", c, 4, &n), ND_OK);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT(fabs(c[0].r - 0xe2 / 255.0) < 1e-12);
    remove("rc_test_ok.rc");

    reset();
    write_text("rc_test_bad.rc", "font.size: 11\nfont.szie: 12\n");
    CU_ASSERT_EQUAL(nplot_rc_file("rc_test_bad.rc"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "rc_test_bad.rc:2") && strstr(nd_errmsg(), "'font.size'"));
    CU_ASSERT_EQUAL(nplot_rc_get_float("font.size", &v), ND_OK);
    CU_ASSERT_EQUAL(v, 10); /* all or nothing */
    write_text("rc_test_bad.rc", "# wrong type\naxes.linewidth: thick\n");
    CU_ASSERT_EQUAL(nplot_rc_file("rc_test_bad.rc"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "rc_test_bad.rc:2") && strstr(nd_errmsg(), "'axes.linewidth'"));
    write_text("rc_test_bad.rc", "axes.linewidth 2\n");
    CU_ASSERT_EQUAL(nplot_rc_file("rc_test_bad.rc"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "missing colon") != NULL);
    write_text("rc_test_bad.rc", "axes.facecolor: \"#ffffff\n");
    CU_ASSERT_EQUAL(nplot_rc_file("rc_test_bad.rc"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "quote") != NULL);
    remove("rc_test_bad.rc");
    CU_ASSERT_EQUAL(nplot_rc_file("/nonexistent/dir/x.rc"), ND_EIO);
    CU_ASSERT_EQUAL(nplot_rc_file(NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_rc_load_text("grid.alpha: 0.5\ngrid.linestyle: :\n"), ND_OK);
    CU_ASSERT_EQUAL(nplot_rc_get_float("grid.alpha", &v), ND_OK);
    CU_ASSERT_EQUAL(v, 0.5);
    CU_ASSERT_EQUAL(nplot_rc_load_text("grid.alpha: 2\n"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "<text>:1") && strstr(nd_errmsg(), "'grid.alpha'"));
    reset();
}

/* ---- xkcd colors ---------------------------------------------------------------------------- */
static void test_xkcd_colors(void)
{
    nplot_rgba c;
    CU_ASSERT_EQUAL(nplot_color_parse("xkcd:sky blue", &c), ND_OK); /* #75bbfd */
    CU_ASSERT(fabs(c.r - 0x75 / 255.0) < 1e-12 && fabs(c.g - 0xbb / 255.0) < 1e-12 &&
              fabs(c.b - 0xfd / 255.0) < 1e-12);
    CU_ASSERT_EQUAL(nplot_color_parse("XKCD:Robin's Egg", &c), ND_OK); /* #6dedfd */
    CU_ASSERT(fabs(c.r - 0x6d / 255.0) < 1e-12);
    CU_ASSERT_EQUAL(nplot_color_parse("xkcd:adobe", &c), ND_OK); /* the first: #bd6c48 */
    CU_ASSERT(fabs(c.r - 0xbd / 255.0) < 1e-12);
    CU_ASSERT_EQUAL(nplot_color_parse("xkcd:yellowish tan", &c), ND_OK); /* the last: #fcfc81 */
    CU_ASSERT(fabs(c.b - 0x81 / 255.0) < 1e-12);
    CU_ASSERT_NOT_EQUAL(nplot_color_parse("xkcd:not a colour", &c), ND_OK);
    CU_ASSERT_NOT_EQUAL(nplot_color_parse("xkcd:", &c), ND_OK);
}

/* ---- golden: bmh next to matplotlib's (scripts/mpl_rc_golden.py) ------------------------------ */
static void test_golden_bmh(void)
{
    reset();
    CU_ASSERT_EQUAL(nplot_style_use("bmh"), ND_OK);
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3.5, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    enum { N = 100 };
    double x[N], y[N];
    for (int k = 0; k < 4; k++) {
        for (int i = 0; i < N; i++) {
            x[i] = 10.0 * i / (N - 1);
            y[i] = sin(x[i] + k * 0.6) + 0.4 * k;
        }
        nplot_plot_xy(ax, x, y, N);
    }
    nplot_set_title(ax, "bmh");
    nplot_set_xlabel(ax, "x");
    nplot_set_ylabel(ax, "y");
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "rc_style_bmh");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    reset();
    if (regen) return;
    double rms = image_rms(GOLDEN "/rc_style_bmh.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden rc_style_bmh: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
}

static const ND_TEST tests[] = {
    ND_T(test_defaults_equal_matplotlib),
    ND_T(test_style_sheets_equal_matplotlib),
    ND_T(test_lines_linewidth_drawn),
    ND_T(test_lines_linestyle_drawn),
    ND_T(test_figure_size_and_dpi),
    ND_T(test_font_sizes_drawn),
    ND_T(test_ticks_and_spines_drawn),
    ND_T(test_cycle_grid_face_drawn),
    ND_T(test_margins_minus_cmap),
    ND_T(test_context_push_pop),
    ND_T(test_per_thread),
    ND_T(test_set_get_errors),
    ND_T(test_rc_file),
    ND_T(test_xkcd_colors),
    ND_T(test_golden_bmh),
    { 0 },
};

ND_TEST_MAIN("plot_rc", tests)
